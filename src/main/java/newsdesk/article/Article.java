package newsdesk.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One article on its way through the pipeline. Each step returns a copy with its part filled in:
 * the reader sets the original, the translator the translation, the summarizer the summary, the
 * translation checks their flags (newsdesk.check).
 */
public record Article(String id, SourceFile source, ArticleText original, String sourceLanguage,
                      Translation translation, List<String> summary, Instant startedAt, List<String> checkFlags) {

    /** An article no check has looked at yet. */
    public Article(String id, SourceFile source, ArticleText original, String sourceLanguage,
                   Translation translation, List<String> summary, Instant startedAt) {
        this(id, source, original, sourceLanguage, translation, summary, startedAt, List.of());
    }

    /** {@code value} null means: let DeepL detect the language. */
    public Article withSourceLanguage(String value) {
        return new Article(id, source, original, value, translation, summary, startedAt, checkFlags);
    }

    public Article withTranslation(Translation value) {
        return new Article(id, source, original, sourceLanguage, value, summary, startedAt, checkFlags);
    }

    public Article withSummary(List<String> value) {
        return new Article(id, source, original, sourceLanguage, translation, List.copyOf(value), startedAt, checkFlags);
    }

    /** The flags of the translation checks that found something (numbers-changed, ...). */
    public Article withCheckFlags(List<String> value) {
        return new Article(id, source, original, sourceLanguage, translation, summary, startedAt, List.copyOf(value));
    }

    /** Characters of the original text, counted as DeepL bills them (code points). */
    public int sourceCharacters() {
        String text = original.text();
        return text.codePointCount(0, text.length());
    }

    public long elapsedMs() {
        return Duration.between(startedAt, Instant.now()).toMillis();
    }

    /** Whether the original was kept as it is, being in the target language already: nothing went to DeepL. */
    public boolean passedThrough() {
        return translation != null && Translation.NONE.equals(translation.engine());
    }

    /** The per-article log line's first word: what happened to it. */
    public String outcome() {
        return passedThrough() ? "Passed through" : "Translated";
    }

    /**
     * The figures of the per-article log line, and never the text: an article is logged as this. One
     * string is also much cheaper for the route's log step than five property look-ups.
     */
    @Override
    public String toString() {
        String characters = passedThrough()
                ? "already in " + translation.targetLanguage() + ", not sent to DeepL, " + sourceCharacters() + " chars, "
                : sourceCharacters() + " source chars, " + (translation == null ? 0 : translation.billedCharacters()) + " billed chars, ";
        return characters
                + original.paragraphs().size() + " paragraphs, "
                + summary.size() + " summary sentences, "
                + elapsedMs() + " ms";
    }
}
