package newsdesk.ingest;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The charset a web page or XML document names near its start ({@code <meta charset>}, {@code <?xml encoding?>}), as browsers look for it. */
final class DeclaredCharset {

    /** Browsers look for the declaration in the first 1024 bytes. */
    private static final int PRESCAN_BYTES = 1024;
    private static final Pattern DECLARATION = Pattern.compile(
            "(?i)<\\?xml[^>]*\\sencoding\\s*=\\s*[\"']([\\w.:-]+)|<meta\\s[^>]*charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");

    private DeclaredCharset() {
    }

    /** The declared charset's name, or null. */
    static String find(byte[] bytes) {
        Matcher m = DECLARATION.matcher(new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1));
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }
}
