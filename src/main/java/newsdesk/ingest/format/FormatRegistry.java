package newsdesk.ingest.format;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import newsdesk.ingest.UnprocessableArticleException;

/**
 * Which reader reads a file: chosen by its extension (any case; a {@code .gz} of any of them is
 * unpacked first) and then checked against its content, which is not trusted: an XHTML page saved as
 * .xml is read as a web page.
 */
public final class FormatRegistry {

    private final Map<String, FormatReader> byExtension;
    private final HtmlReader html = new HtmlReader();

    public FormatRegistry() {
        TextReader text = new TextReader();
        byExtension = Map.of("txt", text, "html", html, "htm", html);
    }

    /** The extensions read, lower case, without the dot. */
    public List<String> extensions() {
        return byExtension.keySet().stream().sorted().toList();
    }

    /** The file's extension, lower case and without {@code .gz}; empty when it has none. */
    public static String extension(String fileName) {
        String name = withoutGz(fileName);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean isGzip(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The name without a final {@code .gz}. */
    public static String withoutGz(String fileName) {
        return isGzip(fileName) ? fileName.substring(0, fileName.length() - 3) : fileName;
    }

    /** Whether a file of this name is read as markup, whose charset declaration counts. */
    public static boolean isMarkup(String fileName) {
        return List.of("html", "htm", "xml").contains(extension(fileName));
    }

    public FormatReader readerFor(String fileName, String content) throws UnprocessableArticleException {
        String extension = extension(fileName);
        FormatReader reader = byExtension.get(extension);
        if (reader == null) {
            throw new UnprocessableArticleException("Newsdesk does not read ." + extension + " files; it reads "
                    + String.join(", ", extensions().stream().map(e -> "." + e).toList()) + " and a .gz of any of them.");
        }
        return reader;
    }
}
