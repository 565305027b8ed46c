package newsdesk.check;

import java.util.Optional;
import newsdesk.article.Article;

/**
 * One check of a translated article against its original. A glossary check
 * ({@code glossary-term-missing}) joins the list in {@link TranslationChecks} once glossaries exist:
 * it needs the glossary the article was translated with, which nothing provides yet.
 */
public interface TranslationCheck {

    /** The flag written into the result when the check finds something, e.g. {@code numbers-changed}. */
    String flag();

    /**
     * What is wrong, briefly and without article text beyond the figures in question, or empty. Only
     * called for DeepL translations (not for text passed through), and in summary mode only when
     * {@link #needsWholeText} is false.
     */
    Optional<String> problem(Article article);

    /** True when the check compares the whole original with the whole translation (not in summary mode). */
    default boolean needsWholeText() {
        return true;
    }
}
