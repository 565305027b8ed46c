package newsdesk.monitor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import net.logstash.logback.decorate.JsonFactoryDecorator;

/**
 * For config/logback-json.xml: the JSON lines write as {@code \}{@code uXXXX} every character the text lines
 * escape ({@link LogEscaper}): JSON itself escapes only C0 controls, so DEL, C1 controls, the line and paragraph
 * separators and the bidirectional controls of a file's name would otherwise reach the log raw.
 */
public class JsonLogEscapes implements JsonFactoryDecorator {

    @Override
    public JsonFactory decorate(JsonFactory factory) {
        return factory.setCharacterEscapes(new Escapes());
    }

    private static final class Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return LogEscaper.needsEscape((char) c) ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
