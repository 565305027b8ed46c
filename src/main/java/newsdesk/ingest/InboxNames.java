package newsdesk.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The names an inbox file's result, archived original and error report get. Every name the inbox
 * takes (up to 255 bytes) gets names of at most 255 bytes, the temporary {@code .writing-} ones
 * included: where a name would be longer, the end of its stem is cut off and {@code ~} and 16 hex
 * digits of the SHA-256 of the whole file name take its place, so two long names that start alike
 * still get names of their own.
 */
public class InboxNames {

    /** The longest file name Linux file systems (ext4, XFS, Btrfs, tmpfs) take, in bytes. */
    static final int MAX_NAME_BYTES = 255;
    /** The routes write results and reports under this prefix, then rename them. */
    static final String TEMP_PREFIX = ".writing-";
    static final String REPORT_SUFFIX = ".error.json";
    private static final String RESULT_SUFFIX = ".json";
    private static final String PLAIN_EXTENSION = ".txt";
    private static final int HASH_HEX_DIGITS = 16;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final Clock clock;

    public InboxNames(Clock clock) {
        this.clock = clock;
    }

    /**
     * The result's name in outbox/: {@code a.txt} gives {@code a.json}; any other extension, or a
     * {@code .txt} whose stem itself ends in a supported extension, keeps the whole name
     * ({@code a.TXT.json}, {@code a.txt.txt.json}), so no two inbox names share a result.
     */
    public String result(@Header("CamelFileName") String fileName) {
        String stem = fileName.endsWith(PLAIN_EXTENSION)
                ? fileName.substring(0, fileName.length() - PLAIN_EXTENSION.length()) : null;
        String base = stem == null || SupportedFormats.isSupported(stem) ? fileName : stem;
        return fit(base, TEMP_PREFIX + RESULT_SUFFIX, fileName) + RESULT_SUFFIX;
    }

    /**
     * The original's name in archive/ or error/: {@code <stem>.<yyyyMMdd'T'HHmmssSSS>.<extension>},
     * short enough that its error report ({@code <that>.error.json}) can be written under a temporary name too.
     */
    public String archived(@Header("CamelFileName") String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String tail = "." + STAMP.format(LocalDateTime.now(clock)) + (dot > 0 ? fileName.substring(dot) : "");
        return fit(stem, TEMP_PREFIX + tail + REPORT_SUFFIX, fileName) + tail;
    }

    /** The error report's name: {@code <archived name>.error.json} (on a worker: {@code <file name>.error.json}). */
    public String report(@ExchangeProperty("newsdeskDoneName") String doneName) {
        return fit(doneName, TEMP_PREFIX + REPORT_SUFFIX, doneName) + REPORT_SUFFIX;
    }

    /** {@code base}, shortened if {@code base} and {@code around} together would be longer than a file name may be. */
    static String fit(String base, String around, String wholeName) {
        int budget = MAX_NAME_BYTES - utf8Length(around);
        if (utf8Length(base) <= budget) {
            return base;
        }
        String tag = "~" + sha256Hex(wholeName).substring(0, HASH_HEX_DIGITS);
        return prefixWithin(base, budget - tag.length()) + tag;
    }

    /** The longest start of {@code text} that takes at most {@code maxBytes} in UTF-8, never cutting a character in two. */
    private static String prefixWithin(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(new String(Character.toChars(codePoint)));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
