package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import newsdesk.article.ArticleText;
import newsdesk.article.SourceMetadata;
import newsdesk.ingest.UnprocessableArticleException;

/**
 * A plain text file: its lines as they are (blank lines kept, so the translation keeps the layout);
 * the first line is the title when it reads like a headline. Markup and data saved as text are refused.
 */
public final class TextReader implements FormatReader {

    /** A first line this short that does not end like a sentence is a headline. */
    private static final int MAX_TITLE_CHARS = 150;
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\u200B-\\u200D\\u2060]*");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String SENTENCE_END = ".!?:;…\"“”»«'’)";

    @Override
    public String format() {
        return "text";
    }

    @Override
    public ParsedArticle read(String content) throws UnprocessableArticleException {
        PlainTextCheck.check(content);
        List<String> lines = lines(content);
        if (lines.isEmpty()) {
            throw new UnprocessableArticleException("The file holds only white space.");
        }
        return new ParsedArticle(new ArticleText(lines, hasTitle(lines)), SourceMetadata.NONE);
    }

    /** Lines without trailing white space, CRLF and CR taken as LF, blank lines at either end removed. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(text, -1)) {
            // A line of only (non-breaking, wide, zero-width) spaces is blank.
            lines.add(INVISIBLE.matcher(line).matches() ? "" : line.replace('\t', ' ').stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        return lines;
    }

    /**
     * The first line is a title when more text follows and it reads like a headline: short, and
     * either set apart by a blank line or not ending like a sentence.
     */
    private static boolean hasTitle(List<String> lines) {
        String first = lines.get(0).strip();
        boolean moreText = lines.stream().skip(1).anyMatch(line -> !line.isBlank());
        boolean setApart = lines.size() > 1 && lines.get(1).isBlank();
        boolean endsLikeSentence = SENTENCE_END.indexOf(first.charAt(first.length() - 1)) >= 0;
        return moreText && first.length() <= MAX_TITLE_CHARS && (setApart || !endsLikeSentence);
    }
}
