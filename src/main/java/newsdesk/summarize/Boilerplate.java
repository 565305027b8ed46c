package newsdesk.summarize;

import java.util.regex.Pattern;

/**
 * Recognises the parts of a news page that are not the story: headings, datelines, bylines, photo
 * captions, "Read more" links, a lone source name, end marks. Rules are deliberately conservative:
 * they look at the shape of a line or sentence, never at what the story is about.
 */
final class Boilerplate {

    /** Typographic end-of-article marks, e.g. the "■" after the last sentence of an agency story. */
    private static final String END_MARKS = "■□▪◼◾●◆◇♦∎★☆";
    private static final String SENTENCE_ENDS = ".!?…";
    private static final String CLOSERS = "\"'“”«»’)]";
    /** Link and sharing text; words that also open ordinary sentences ("Related", "Anzeige") only with a colon. */
    private static final String LINK_TEXT =
            "\\W*(?:read more|read also|see also|click here|scroll down|follow us|sign up|share this|"
                    + "lesen sie (?:auch|mehr)|mehr zum thema|mehr dazu|siehe auch|weiterlesen|klicken sie|folgen sie uns)\\b"
                    + "|\\W*(?:related|more|advertisement|subscribe|anzeige|werbung|abonnieren)\\s*:";
    private static final String CAPTION_LABEL =
            "\\W*(?:photo|foto|fotos|photos|bild|picture|pictured|image|image caption|credit|bildquelle|quelle|source)\\s*:";
    private static final String PAGE_FURNITURE_LABEL =
            "(?:published|updated|last updated|aktualisiert)\\s*:|(?:copyright\\s*(?:©|\\(c\\)|\\d)|©)";
    /**
     * The rules about how a sentence starts, for lookingAt(): find() with "^" would try (and reject) every
     * position of the text, a large share of the summarizer's time.
     */
    private static final Pattern FURNITURE_START = Pattern.compile(
            String.join("|", LINK_TEXT, CAPTION_LABEL, PAGE_FURNITURE_LABEL), Pattern.CASE_INSENSITIVE);
    /** A photo credit in brackets at the end. */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "\\((?:photo|foto|bild|picture|image)\\b[^)]*\\)\\W*$", Pattern.CASE_INSENSITIVE);
    /** "All rights reserved" or "Alle Rechte vorbehalten" anywhere; one literal to try at each position, not two. */
    private static final Pattern RIGHTS_NOTICE = Pattern.compile(
            "all(?: rights reserved|e rechte vorbehalten)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:By|Von|Text:|Autor:|Autorin:|Reporting by|Written by)\\s*\\.?\\s+\\p{Lu}[\\p{L}'’.-]*"
                    + "(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|and|und|in|aus|,))*\\.?$");
    /** Up to this many words without a sentence ending: a heading, dateline, byline or similar. */
    private static final int MAX_HEADING_WORDS = 15;
    /** Fewer words than this is a fragment ("Team news.", "bbabo.Net"), not a summary sentence. */
    private static final int MIN_SENTENCE_WORDS = 3;

    private Boilerplate() {
    }

    /**
     * A whole paragraph (line) that carries no story sentence; among others, one whose text without its end mark
     * {@link #isSentence is furniture}, which callers rely on to skip checking a one-sentence paragraph twice.
     */
    static boolean isParagraph(String paragraph) {
        String text = withoutEndMark(paragraph);
        return !endsSentence(text) && words(text) <= MAX_HEADING_WORDS || isSentence(text);
    }

    /** A sentence that is page furniture rather than story. */
    static boolean isSentence(String sentence) {
        return words(sentence) < MIN_SENTENCE_WORDS
                || FURNITURE_START.matcher(sentence).lookingAt()
                || BYLINE.matcher(sentence).matches()
                || sentence.indexOf('(') >= 0 && PHOTO_CREDIT.matcher(sentence).find()
                || RIGHTS_NOTICE.matcher(sentence).find();
    }

    /**
     * The sentence without a trailing end mark: "… in der Kernenergie verbessern würden. ■" keeps its
     * words and loses the "■", so the summary stays a verbatim prefix of the text without the mark.
     */
    static String withoutEndMark(String sentence) {
        int end = sentence.length();
        while (end > 0 && (Character.isWhitespace(sentence.charAt(end - 1)) || END_MARKS.indexOf(sentence.charAt(end - 1)) >= 0)) {
            end--;
        }
        return sentence.substring(0, end).strip();
    }

    /** Terminal punctuation, possibly inside a closing quote or bracket. */
    private static boolean endsSentence(String text) {
        int end = text.length();
        while (end > 0 && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && SENTENCE_ENDS.indexOf(text.charAt(end - 1)) >= 0;
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar || inWord && !Character.isWhitespace(text.charAt(i));
        }
        return words;
    }
}
