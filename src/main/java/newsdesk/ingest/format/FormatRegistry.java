package newsdesk.ingest.format;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;

/**
 * Which reader reads a file: chosen by its extension (any case; a {@code .gz} of any of them is
 * unpacked first) and then checked against its content, which is not trusted: an .xml file is NITF
 * or NewsML-G2 by its root element (an XHTML page saved as .xml is read as a web page), and one of those
 * saved as .html is read as what it is.
 */
public final class FormatRegistry {

    /** The root element's local name, after the XML declaration, comments and a DOCTYPE. */
    private static final Pattern ROOT = Pattern.compile("\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE(?:[^\\[>]|\\[.*?\\])*>)*<(?:[\\w.-]+:)?([\\w.-]+)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The extensions read, lower case, without the dot, sorted: the one list (see SupportedFormats). */
    public static final List<String> EXTENSIONS = List.of("htm", "html", "json", "markdown", "md", "txt", "xml");

    private final Map<String, FormatReader> byExtension;
    private final HtmlReader html;
    private final NitfReader nitf;
    private final NewsmlReader newsml;

    public FormatRegistry(ReadLimits limits) {
        html = new HtmlReader(limits);
        nitf = new NitfReader(limits);
        newsml = new NewsmlReader(limits);
        TextReader text = new TextReader();
        MarkdownReader markdown = new MarkdownReader(limits);
        byExtension = Map.of("txt", text, "html", html, "htm", html, "md", markdown, "markdown", markdown,
                "json", new NinjsReader(limits), "xml", nitf);
        if (!byExtension.keySet().equals(Set.copyOf(EXTENSIONS))) {
            throw new IllegalStateException("EXTENSIONS must list exactly the extensions that have a reader");
        }
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
                    + String.join(", ", EXTENSIONS.stream().map(e -> "." + e).toList()) + " and a .gz of any of them.");
        }
        // An .xml file's root element says which XML format it is.
        if (extension.equals("xml") || reader == html) {
            return byRootElement(reader, content);
        }
        return reader;
    }

    private FormatReader byRootElement(FormatReader byName, String content) throws UnprocessableArticleException {
        Matcher m = ROOT.matcher(content);
        String root = m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        return switch (root) {
            case "nitf" -> nitf;
            case "newsitem", "newsmessage" -> newsml;
            case "html" -> html;
            default -> {
                if (byName == html) {
                    yield html;
                }
                throw new UnprocessableArticleException(root.isEmpty()
                        ? "The .xml file does not start with an XML element; Newsdesk reads NITF and NewsML-G2 XML."
                        : "The XML document is neither NITF nor a NewsML-G2 newsItem (its root element is <" + m.group(1)
                        + ">); Newsdesk reads only those XML formats.");
            }
        };
    }
}
