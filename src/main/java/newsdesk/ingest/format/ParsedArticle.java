package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import newsdesk.article.ArticleText;
import newsdesk.article.SourceMetadata;

/** What a format reader makes of a file: the text to translate (headline first) and the metadata it found. */
public record ParsedArticle(ArticleText text, SourceMetadata metadata) {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    /**
     * The headline (when there is one) and the paragraphs, one line each with a blank line between, so
     * the translation keeps them apart; white space inside a paragraph is folded to single spaces.
     */
    public static ParsedArticle of(String headline, List<String> paragraphs, SourceMetadata metadata) {
        List<String> lines = new ArrayList<>();
        // A headline as long as a file is not one: cut like the metadata's.
        String title = headline == null ? "" : SourceMetadata.capped(oneLine(headline));
        if (!title.isEmpty()) {
            lines.add(title);
        }
        for (String paragraph : paragraphs) {
            String line = oneLine(paragraph);
            if (!line.isEmpty()) {
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                lines.add(line);
            }
        }
        return new ParsedArticle(new ArticleText(lines, !title.isEmpty() && lines.size() > 1), metadata);
    }

    /** One line of text: white space runs as one space; soft hyphens, which only say where a word may break, left out. */
    static String oneLine(String text) {
        return SPACES.matcher(text.replace("\u00AD", "")).replaceAll(" ").strip();
    }
}
