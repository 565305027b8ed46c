package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/** Markup that is all article (a ninjs body_html, an XHTML body): each text block one paragraph, with no search for the article. */
final class HtmlFragment {

    private static final String LEAF_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th";
    private static final Set<String> SKIPPED = Set.of("script", "style", "figure", "figcaption", "img", "picture", "video", "audio",
            "iframe", "object", "embed", "noscript", "template", "svg");

    private HtmlFragment() {
    }

    static List<String> paragraphs(String html, ReadLimits limits) throws UnprocessableArticleException {
        return paragraphs(parse(html, true, limits).body());
    }

    /**
     * A page, or a fragment as a page's body, refused when it nests deeper than the limit. Past its own
     * depth limit jsoup adds elements beside rather than inside; the depth is measured without recursion.
     */
    static Document parse(String html, boolean fragment, ReadLimits limits) throws UnprocessableArticleException {
        Parser parser = Parser.htmlParser().setMaxDepth(limits.maxDepth() + 1);
        Document page;
        if (fragment) {
            page = Document.createShell("");
            page.body().appendChildren(parser.parseFragmentInput(html, page.body(), ""));
        } else {
            page = parser.parseInput(html, "");
        }
        int[] deepest = {0};
        NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), page);
        if (deepest[0] > limits.maxDepth()) {
            throw limits.tooDeep();
        }
        return page;
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
