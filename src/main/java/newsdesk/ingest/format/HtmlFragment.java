package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Markup that is all article (a ninjs body_html, an XHTML body): each text block one paragraph, with no search for the article. */
final class HtmlFragment {

    private static final String LEAF_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th";
    private static final Set<String> SKIPPED = Set.of("script", "style", "figure", "figcaption", "img", "picture", "video", "audio",
            "iframe", "object", "embed", "noscript", "template", "svg");

    private HtmlFragment() {
    }

    static List<String> paragraphs(String html) {
        return paragraphs(Jsoup.parseBodyFragment(html).body());
    }

    static List<String> paragraphs(Element body) {
        body.select(String.join(", ", SKIPPED)).remove();
        List<String> paragraphs = new ArrayList<>();
        for (Element block : body.select(LEAF_BLOCKS)) {
            // A block holding blocks (a list item of paragraphs) is read through those; select() counts the block itself.
            if (block.select(LEAF_BLOCKS).size() == 1) {
                String text = ParsedArticle.oneLine(block.text());
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        if (paragraphs.isEmpty()) {
            // Text without blocks: its lines.
            for (String line : body.wholeText().split("\\R")) {
                String text = ParsedArticle.oneLine(line);
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        return paragraphs;
    }
}
