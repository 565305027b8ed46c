package newsdesk.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an article file into text. German text arrives as UTF-8 (with or without BOM),
 * as UTF-16 with a BOM, or from older tools as Windows-1252 / ISO-8859-1; anything else is refused.
 */
public class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The text and the name of the charset it was read with. */
    public record Decoded(String text, String charset) {
    }

    public Decoded decode(byte[] bytes) throws UnprocessableArticleException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        if (hasNul(bytes)) {
            throw new UnprocessableArticleException("The file contains NUL bytes, so it is binary, not text.");
        }
        try {
            return new Decoded(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString(), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            // Bytes that are not UTF-8 are taken as Windows-1252, the usual single-byte encoding of German text.
            try {
                return new Decoded(decoder(WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString(), "windows-1252");
            } catch (CharacterCodingException notCp1252) {
                throw new UnprocessableArticleException(
                        "The file is neither UTF-8 nor Windows-1252/ISO-8859-1 text.");
            }
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) throws UnprocessableArticleException {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new UnprocessableArticleException("The file starts with a " + charset.name()
                    + " byte order mark but is not valid " + charset.name() + ".");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
