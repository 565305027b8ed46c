package newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.article.Article;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * Guesses an article's language from its function words (the Snowball stop word lists that ship
 * with Lucene), so that text which clearly is not in the expected source language is not
 * translated as if it were: English text is passed through without billing, other languages are
 * left to DeepL's detection. When the guess is not clear the configured source language stays.
 */
public class LanguageGuesser {

    /** The languages told apart, with their Snowball stop word lists. */
    enum Language {
        DE("german"), EN("english"), FR("french"), ES("spanish"), IT("italian"), NL("dutch");

        final CharArraySet functionWords;

        Language(String snowballName) {
            String resource = "/org/apache/lucene/analysis/snowball/" + snowballName + "_stop.txt";
            try (InputStream in = LanguageGuesser.class.getResourceAsStream(resource)) {
                functionWords = WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Enough words to be sure; long files need not be read to the end. */
    private static final int MAX_WORDS = 3000;
    /** A guess needs this many function words, and half as many again as the runner-up. */
    private static final double MIN_HITS = 3;
    private static final double LEAD_FACTOR = 1.5;

    /** The guess for text in another script: certainly none of the languages above. */
    public static final String OTHER = "OTHER";

    private final String targetLanguage;

    public LanguageGuesser(String targetLanguage) {
        this.targetLanguage = targetLanguage.toUpperCase(Locale.ROOT);
    }

    /**
     * The article with its source language set: the configured one when the text reads like it
     * (or the guess is unclear), the guessed language when that is the target language (so it is
     * passed through), or null when it is another language, for DeepL to detect.
     */
    public Article guess(Article article) {
        String configured = article.sourceLanguage();
        Optional<String> guessed = guess(article.original().text());
        if (guessed.isEmpty() || guessed.get().equalsIgnoreCase(configured)) {
            return article;
        }
        boolean isTarget = targetLanguage.split("-")[0].equals(guessed.get());
        // OTHER is never the target, so DeepL detects it.
        return article.withSourceLanguage(isTarget ? guessed.get() : null);
    }

    /**
     * The language the text is clearly written in (DE, EN, FR, ES, IT or NL), {@link #OTHER} for
     * text mostly in another script than Latin (Cyrillic, Arabic, CJK...), or empty when unclear.
     */
    public Optional<String> guess(String text) {
        if (mostlyNonLatin(text)) {
            return Optional.of(OTHER);
        }
        Map<Language, Double> score = new EnumMap<>(Language.class);
        Matcher words = WORD.matcher(text);
        List<Language> using = new ArrayList<>();
        for (int count = 0; count < MAX_WORDS && words.find(); count++) {
            String word = words.group().toLowerCase(Locale.ROOT);
            using.clear();
            for (Language language : Language.values()) {
                if (language.functionWords.contains(word)) {
                    using.add(language);
                }
            }
            // A word several languages use ("la", "die", "in") counts for each of them in part.
            for (Language language : using) {
                score.merge(language, 1.0 / using.size(), Double::sum);
            }
        }
        Language best = null;
        double bestHits = 0;
        double secondHits = 0;
        for (Map.Entry<Language, Double> entry : score.entrySet()) {
            if (entry.getValue() > bestHits) {
                secondHits = bestHits;
                best = entry.getKey();
                bestHits = entry.getValue();
            } else if (entry.getValue() > secondHits) {
                secondHits = entry.getValue();
            }
        }
        return bestHits >= MIN_HITS && bestHits >= LEAD_FACTOR * secondHits
                ? Optional.of(best.name()) : Optional.empty();
    }

    private static boolean mostlyNonLatin(String text) {
        int latin = 0;
        int other = 0;
        for (int i = 0, seen = 0; i < text.length() && seen < MAX_WORDS * 5; i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                seen++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    other++;
                }
            }
        }
        return other > latin;
    }
}
