package newsdesk.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsdesk.article.Article;
import newsdesk.ingest.LanguageGuesser;

/**
 * {@code untranslated-text}: a paragraph of the translation still reads as the source language, by
 * the same function-word guess that decides what to translate. Paragraphs too short for a clear guess
 * are not judged.
 */
public class UntranslatedTextCheck implements TranslationCheck {

    private final LanguageGuesser guesser;

    public UntranslatedTextCheck(LanguageGuesser guesser) {
        this.guesser = guesser;
    }

    @Override
    public String flag() {
        return "untranslated-text";
    }

    /** Each paragraph is judged on its own, so the title and summary sentences of summary mode are too. */
    @Override
    public boolean needsWholeText() {
        return false;
    }

    @Override
    public Optional<String> problem(Article article) {
        // Null when DeepL was left to detect the language: then its answer is the source language.
        String source = article.sourceLanguage() != null ? article.sourceLanguage()
                : article.translation().detectedSourceLanguage();
        List<String> paragraphs = article.translation().text().paragraphs();
        List<Integer> untranslated = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (guesser.guess(paragraphs.get(i)).filter(source::equalsIgnoreCase).isPresent()) {
                untranslated.add(i + 1);
            }
        }
        return untranslated.isEmpty() ? Optional.empty()
                : Optional.of("paragraph " + untranslated + " of " + paragraphs.size() + " reads as " + source);
    }
}
