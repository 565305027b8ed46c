package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.List;
import newsdesk.article.SourceMetadata;
import newsdesk.ingest.UnprocessableArticleException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A saved web page: its metadata and the article text found among the page's furniture ({@link HtmlMainText}). */
public final class HtmlReader implements FormatReader {

    @Override
    public String format() {
        return "html";
    }

    @Override
    public ParsedArticle read(String content) throws UnprocessableArticleException {
        Document page = Jsoup.parse(content);
        SourceMetadata metadata = HtmlMetadata.of(page);
        List<String> paragraphs = new ArrayList<>(HtmlMainText.paragraphs(page.body(), metadata.headline(),
                () -> Jsoup.parse(content).body()));
        // The headline is the title line already.
        if (metadata.headline() != null) {
            paragraphs.removeIf(paragraph -> paragraph.equalsIgnoreCase(metadata.headline()));
        }
        if (paragraphs.isEmpty()) {
            throw new UnprocessableArticleException("The web page holds no article text"
                    + (metadata.headline() == null ? "." : " (only the headline \"" + metadata.headline() + "\")."));
        }
        return ParsedArticle.of(metadata.headline(), paragraphs, metadata);
    }
}
