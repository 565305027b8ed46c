package newsdesk.article;

import java.util.List;
import java.util.Locale;

/**
 * What the source file said about the article besides its text, as found (each may be null, keywords
 * empty): a web page's meta tags, Markdown front matter, a ninjs item's or NITF/NewsML-G2 document's fields.
 * Each field is cut to {@link #MAX_FIELD_CHARS} characters and at most {@link #MAX_KEYWORDS} keywords are kept,
 * so a file cannot make every result and status page answer megabytes long; a url is kept only when it is an
 * http(s) address, so a {@code javascript:} link never reaches a page that shows it.
 */
public record SourceMetadata(String headline, String byline, String published, String url, String language,
                             List<String> keywords, String description) {

    public static final int MAX_FIELD_CHARS = 1000;
    public static final int MAX_KEYWORDS = 100;
    public static final SourceMetadata NONE = new SourceMetadata(null, null, null, null, null, List.of(), null);

    public SourceMetadata {
        headline = capped(headline);
        byline = capped(byline);
        published = capped(published);
        url = webAddress(capped(url));
        language = capped(language);
        description = capped(description);
        keywords = keywords == null ? List.of() : keywords.stream().limit(MAX_KEYWORDS).map(SourceMetadata::capped).toList();
    }

    /** The text cut to the field limit, with "…" where it was cut (never inside a surrogate pair). */
    public static String capped(String text) {
        if (text == null || text.length() <= MAX_FIELD_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_FIELD_CHARS - 2)) ? MAX_FIELD_CHARS - 2 : MAX_FIELD_CHARS - 1;
        return text.substring(0, end) + "…";
    }

    private static String webAddress(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url.strip() : null;
    }
}
