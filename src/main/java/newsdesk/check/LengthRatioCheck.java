package newsdesk.check;

import java.util.Locale;
import java.util.Optional;
import newsdesk.article.Article;

/**
 * {@code length-ratio}: the translation is far shorter or longer than translations of the pair
 * usually are, which suggests a cut-off end (or text added). Characters are counted as DeepL bills
 * them; short articles vary too much to judge.
 */
public class LengthRatioCheck implements TranslationCheck {

    /** Below this many source characters the ratio says little. */
    static final int MIN_SOURCE_CHARS = 300;

    private final double min;
    private final double max;

    /** The band of translated/source characters that passes, e.g. 0.6 to 1.6 for German to English. */
    public LengthRatioCheck(double min, double max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public String flag() {
        return "length-ratio";
    }

    @Override
    public Optional<String> problem(Article article) {
        int source = article.sourceCharacters();
        if (source < MIN_SOURCE_CHARS) {
            return Optional.empty();
        }
        String translated = article.translation().text().text();
        double ratio = (double) translated.codePointCount(0, translated.length()) / source;
        return ratio >= min && ratio <= max ? Optional.empty()
                : Optional.of(String.format(Locale.ROOT, "translation/source length %.2f, outside %.2f-%.2f", ratio, min, max));
    }
}
