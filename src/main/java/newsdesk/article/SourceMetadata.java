package newsdesk.article;

import java.util.List;

/**
 * What the source file said about the article besides its text, as found (each may be null, keywords
 * empty): a web page's meta tags, Markdown front matter, a ninjs item's or NITF/NewsML-G2 document's fields.
 */
public record SourceMetadata(String headline, String byline, String published, String url, String language,
                             List<String> keywords, String description) {

    public static final SourceMetadata NONE = new SourceMetadata(null, null, null, null, null, List.of(), null);

    public SourceMetadata {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
