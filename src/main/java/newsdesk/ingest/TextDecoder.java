package newsdesk.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an article file into text. German text arrives as UTF-8 (with or without BOM),
 * as UTF-16 with a BOM, or from older tools as Windows-1252 / ISO-8859-1, now and then as UTF-8 with
 * a few Windows-1252 bytes pasted in; anything else is refused.
 */
public class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The name for UTF-8 with stray Windows-1252 bytes in it. */
    public static final String MIXED = "UTF-8+windows-1252";

    /** The text and the name of the charset it was read with. */
    public record Decoded(String text, String charset) {
    }

    public Decoded decode(byte[] bytes) throws UnprocessableArticleException {
        return decode(bytes, null);
    }

    /**
     * As {@link #decode(byte[])}, with the charset a web page or XML document declares ({@code <meta
     * charset>}, {@code <?xml encoding?>}; null when none): a byte order mark outranks it, as in browsers,
     * and so does content that is valid UTF-8 with multi-byte characters in it, which a page saved as
     * UTF-8 but still declaring its old single-byte charset is (Latin-1 text is practically never valid UTF-8).
     */
    public Decoded decode(byte[] bytes, String declared) throws UnprocessableArticleException {
        Charset single = declared == null || startsWith(bytes, 0xEF, 0xBB, 0xBF) || startsWith(bytes, 0xFF, 0xFE)
                || startsWith(bytes, 0xFE, 0xFF) ? null : singleByte(declared);
        if (single != null && !(isUtf8(bytes) && hasUtf8Sequence(bytes))) {
            try {
                return new Decoded(decoder(single).decode(ByteBuffer.wrap(bytes)).toString(), single.name());
            } catch (CharacterCodingException notThatCharset) {
                // The declaration is wrong: the content decides, as for any file.
            }
        }
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
            if (hasUtf8Sequence(bytes)) {
                return new Decoded(mixed(bytes), MIXED);
            }
            // Bytes that are not UTF-8 are taken as Windows-1252, the usual single-byte encoding of German text.
            try {
                return new Decoded(decoder(WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString(), "windows-1252");
            } catch (CharacterCodingException notCp1252) {
                throw notText();
            }
        }
    }

    /**
     * UTF-8 text with a few bytes from a single-byte editor pasted in (a "ß" typed in Latin-1): the
     * UTF-8 stays UTF-8 and only the stray bytes are read as Windows-1252, rather than turning
     * every umlaut of the article into "Ã¤".
     */
    private static String mixed(byte[] bytes) throws UnprocessableArticleException {
        CharsetDecoder utf8 = decoder(StandardCharsets.UTF_8);
        CharsetDecoder cp1252 = decoder(WINDOWS_1252);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult result = utf8.decode(in, out, true);
            if (result.isUnderflow()) {
                utf8.flush(out);
                return out.flip().toString();
            }
            // Malformed: each offending byte on its own, as Windows-1252.
            for (int i = 0; i < result.length(); i++) {
                if (cp1252.decode(ByteBuffer.wrap(bytes, in.position(), 1), out, true).isError()) {
                    throw notText();
                }
                cp1252.reset();
                in.position(in.position() + 1);
            }
        }
    }

    /**
     * The declared charset when it is one other than UTF-8 and UTF-16 (which a declaration cannot
     * select without a byte order mark); ISO-8859-1 and US-ASCII are read as Windows-1252, as browsers do.
     */
    private static Charset singleByte(String declared) {
        String name = declared.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.matches("iso-?8859-1|latin-?1|l1|us-ascii|ascii|iso_8859-1|cp1252|windows-1252")) {
            return WINDOWS_1252;
        }
        try {
            Charset charset = Charset.forName(name);
            return charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-") ? null : charset;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        return decodes(bytes, 0, bytes.length);
    }

    /** Whether the bytes hold at least one well-formed multi-byte UTF-8 character. */
    private static boolean hasUtf8Sequence(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (length > 0 && i + length <= bytes.length && decodes(bytes, i, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodes(byte[] bytes, int offset, int length) {
        try {
            decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static UnprocessableArticleException notText() {
        return new UnprocessableArticleException("The file is neither UTF-8 nor Windows-1252/ISO-8859-1 text.");
    }

    private static String strict(byte[] bytes, int offset, Charset charset) throws UnprocessableArticleException {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new UnprocessableArticleException("The file starts with a " + charset.name()
                    + " byte order mark but is not valid " + charset.name() + ".");
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
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
