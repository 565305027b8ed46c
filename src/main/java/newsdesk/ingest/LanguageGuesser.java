package newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import newsdesk.article.Article;
import newsdesk.desk.Desk;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * Guesses an article's language from its function words (the Snowball stop word lists that ship
 * with Lucene), so that text which clearly is not in the expected source language is not
 * translated as if it were: English text is passed through without billing, other languages are
 * left to DeepL's detection. When the guess is not clear the configured source language stays.
 */
public class LanguageGuesser {

    /** The languages told apart, with the names of their Snowball stop word lists. */
    enum Language {
        DE("german"), EN("english"), FR("french"), ES("spanish"), IT("italian"), NL("dutch");

        private final String snowballName;

        Language(String snowballName) {
            this.snowballName = snowballName;
        }

        /** Read once, into {@link #USERS}. */
        CharArraySet functionWords() {
            String resource = "/org/apache/lucene/analysis/snowball/" + snowballName + "_stop.txt";
            try (InputStream in = LanguageGuesser.class.getResourceAsStream(resource)) {
                return WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Enough words to be sure; long files need not be read to the end. */
    private static final int MAX_WORDS = 3000;
    /** A guess needs this many function words, and half as many again as the runner-up. */
    private static final double MIN_HITS = 3;
    private static final double LEAD_FACTOR = 1.5;

    private static final CharArrayMap<Language[]> USERS = usersOfFunctionWords();

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
        return guess(article, targetLanguage);
    }

    /** The same for an article of a desk, which has its own target language. */
    public Article guess(Article article, Desk desk) {
        return guess(article, desk.targetLanguage());
    }

    private Article guess(Article article, String targetLanguage) {
        String configured = article.sourceLanguage();
        Optional<String> guessed = guess(article.original().text(), article.source().metadata().language());
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
        return guess(text, null);
    }

    /**
     * The same, with the language the file declares ({@code <html lang>}, {@code og:locale}, {@code Content-Language},
     * a ninjs {@code language}: "de", "de-AT", "de_DE") counted as {@link #MIN_HITS} function words of that language:
     * enough to decide a short or mixed text, while a clear text outweighs a wrong declaration (templates that say
     * {@code lang="en"} on German pages).
     */
    public Optional<String> guess(String text, String declared) {
        if (mostlyNonLatin(text)) {
            return Optional.of(OTHER);
        }
        double[] score = new double[Language.values().length];
        declared(declared).ifPresent(language -> score[language.ordinal()] += MIN_HITS);
        char[] chars = text.toCharArray();
        int count = 0;
        for (int i = 0; i < chars.length && count < MAX_WORDS; ) {
            int c = Character.codePointAt(chars, i);
            if (!Character.isLetter(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            do {
                i += Character.charCount(c);
            } while (i < chars.length && Character.isLetter(c = Character.codePointAt(chars, i)));
            count++;
            // A word several languages use ("la", "die", "in") counts for each of them in part.
            Language[] using = USERS.get(chars, start, i - start);
            if (using != null) {
                for (Language language : using) {
                    score[language.ordinal()] += 1.0 / using.length;
                }
            }
        }
        Language best = null;
        double bestHits = 0;
        double secondHits = 0;
        for (Language language : Language.values()) {
            double hits = score[language.ordinal()];
            if (hits > bestHits) {
                secondHits = bestHits;
                best = language;
                bestHits = hits;
            } else if (hits > secondHits) {
                secondHits = hits;
            }
        }
        return bestHits >= MIN_HITS && bestHits >= LEAD_FACTOR * secondHits
                ? Optional.of(best.name()) : Optional.empty();
    }

    private static Optional<Language> declared(String declared) {
        if (declared == null || declared.length() < 2) {
            return Optional.empty();
        }
        String code = declared.strip().substring(0, 2).toUpperCase(Locale.ROOT);
        for (Language language : Language.values()) {
            if (language.name().equals(code) && (declared.length() == 2 || !Character.isLetter(declared.strip().charAt(2)))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** Each function word with the languages using it: one lookup per word of the text, case ignored, without copying it. */
    private static CharArrayMap<Language[]> usersOfFunctionWords() {
        Map<String, List<Language>> users = new HashMap<>();
        for (Language language : Language.values()) {
            for (Object word : language.functionWords()) {
                users.computeIfAbsent(new String((char[]) word), w -> new ArrayList<>()).add(language);
            }
        }
        CharArrayMap<Language[]> map = new CharArrayMap<>(users.size(), true);
        users.forEach((word, languages) -> map.put(word, languages.toArray(Language[]::new)));
        return map;
    }

    private static boolean mostlyNonLatin(String text) {
        int latin = 0;
        int other = 0;
        for (int i = 0, seen = 0; i < text.length() && seen < MAX_WORDS * 5; i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                seen++;
                // ASCII letters are Latin; only the others need the (slower) script table.
                if (c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    other++;
                }
            }
        }
        return other > latin;
    }
}
