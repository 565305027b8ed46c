package newsdesk.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.article.SourceFile;

/**
 * Reads an inbox file into an {@link Article}: decodes it, refuses what is not article text (empty,
 * binary, markup, data), tidies its lines and finds its title.
 */
public class ArticleReader {

    /** A first line this short that does not end like a sentence is a headline. */
    private static final int MAX_TITLE_CHARS = 150;
    /** More control characters than this share of the text means the file is not text (a stray bell or colour code is fine). */
    private static final double MAX_CONTROL_SHARE = 0.25;
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\u200B-\\u200D\\u2060]*");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String SENTENCE_END = ".!?:;…\"“”»«'’)";

    private final TextDecoder decoder = new TextDecoder();
    private final String sourceLanguage;
    private final SizeLimit limit;

    public ArticleReader(String sourceLanguage, long maxBytes) {
        this.sourceLanguage = sourceLanguage;
        this.limit = new SizeLimit(maxBytes);
    }

    public Article read(byte[] bytes, String fileName) throws UnprocessableArticleException {
        Instant receivedAt = Instant.now();
        if (bytes.length == 0) {
            throw new UnprocessableArticleException("The file is empty.");
        }
        limit.check(bytes.length);
        TextDecoder.Decoded decoded = decoder.decode(bytes);
        String text = withoutControlCharacters(decoded.text());
        PlainTextCheck.check(text);
        List<String> lines = lines(Normalizer.normalize(text, Normalizer.Form.NFC));
        if (lines.isEmpty()) {
            throw new UnprocessableArticleException("The file holds only white space.");
        }
        String sha256 = sha256(bytes);
        SourceFile source = new SourceFile(fileName, bytes.length, sha256, receivedAt, decoded.charset());
        ArticleText original = new ArticleText(lines, hasTitle(lines));
        return new Article(sha256, source, original, sourceLanguage, null, List.of(), receivedAt);
    }

    /** Drops stray control characters; a text made largely of them is binary. */
    private static String withoutControlCharacters(String text) throws UnprocessableArticleException {
        if (text.chars().noneMatch(ArticleReader::isDropped)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        int dropped = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDropped(c)) {
                dropped++;
            } else {
                kept.append(c);
            }
        }
        if (dropped > MAX_CONTROL_SHARE * text.length()) {
            throw new UnprocessableArticleException("The file is largely control characters, so it is binary, not text.");
        }
        return kept.toString();
    }

    /** Control characters other than line breaks and tabs, and byte order marks. */
    private static boolean isDropped(int c) {
        boolean layout = c == '\n' || c == '\r' || c == '\t';
        return Character.isISOControl(c) && !layout || c == '\uFEFF';
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
