package newsdesk.monitor;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %escape(...)} in config/logback.xml: writes every character that could forge a log line or
 * play tricks on a terminal as a visible escape, in one pass: CR, LF and tab as {@code \r}, {@code \n}
 * and {@code \t}; other C0 and C1 controls (ESC, NEL, CSI...), DEL, the Unicode line and paragraph
 * separators and the bidirectional controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069) as
 * {@code \}{@code uXXXX}. Text from files (their names above all) reaches the log this way.
 *
 * <p>With the option {@code oneLine} ({@code %escape(%ex{short}){oneLine}}) a run of line breaks and
 * tabs becomes one space instead, so a stack trace stays on its log line.
 */
public class LogEscaper extends CompositeConverter<ILoggingEvent> {

    private boolean oneLine;

    @Override
    public void start() {
        oneLine = "oneLine".equals(getFirstOption());
        super.start();
    }

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return escape(in, oneLine);
    }

    static String escape(String in, boolean oneLine) {
        int first = 0;
        while (first < in.length() && !needsEscape(in.charAt(first))) {
            first++;
        }
        if (first == in.length()) {
            return in;
        }
        StringBuilder out = new StringBuilder(in.length() + 16).append(in, 0, first);
        for (int i = first; i < in.length(); i++) {
            char c = in.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
            } else if (oneLine && (c == '\r' || c == '\n' || c == '\t')) {
                if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    static boolean needsEscape(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || c >= '\u2028' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
