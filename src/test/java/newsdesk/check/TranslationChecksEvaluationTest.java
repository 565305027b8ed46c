package newsdesk.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.article.Translation;
import newsdesk.deeplsim.SimTranslation;
import newsdesk.ingest.LanguageGuesser;
import org.junit.jupiter.api.Test;

/**
 * The false- and true-flag rates of the translation checks, printed (docs/translation-checks.md quotes them).
 *
 * <p>False flags: the 206 German articles of ../shared/eval/de-news-sample.jsonl (each one line there;
 * split here into paragraphs of three sentences), "translated" by the DeepL simulator's rule, with
 * the German number forms then rewritten the English way ({@link EnglishNumberStandIn}). The simulator
 * keeps every number and translates the German function words, so: numbers-changed is measured on
 * translations that keep every number in English form; untranslated-text only on what the simulator
 * makes (function words English, most content words German), so also on real English text (the
 * 318 BBC articles of bbc-dev.jsonl as "translations"); length-ratio on the simulator's lengths, which
 * are near 1.0 and say nothing about DeepL's real ratio.
 *
 * <p>True flags: the same translations damaged on purpose, one damage at a time, with a fixed seed: a
 * number changed (one digit of one number), one paragraph left in German, the end cut off (half, and a
 * third, of the text kept from the start).
 */
class TranslationChecksEvaluationTest {

    private static final Path EVAL = Path.of("..", "shared", "eval");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private final LanguageGuesser guesser = new LanguageGuesser("EN-US");
    private final TranslationCheck numbers = new NumbersCheck();
    private final TranslationCheck untranslated = new UntranslatedTextCheck(guesser);
    private final TranslationCheck length = new LengthRatioCheck(0.6, 1.6);
    private final List<TranslationCheck> all = List.of(numbers, untranslated, length);

    @Test
    void printsTheFalseAndTrueFlagRates() throws IOException {
        List<Article> articles = germanArticles();
        Random random = new Random(15);
        StringBuilder report = new StringBuilder("\nTranslation checks on " + articles.size()
                + " German articles (DeepL simulator + English number forms)\n");

        Rate anyFalse = new Rate();
        for (TranslationCheck check : all) {
            Rate rate = new Rate();
            articles.forEach(article -> rate.count(check.problem(article).isPresent()));
            report.append(String.format(Locale.ROOT, "  false flags %-20s %s%n", check.flag(), rate));
        }
        articles.forEach(article -> anyFalse.count(all.stream().anyMatch(check -> check.problem(article).isPresent())));
        report.append(String.format(Locale.ROOT, "  false flags %-20s %s%n", "(any)", anyFalse));

        Rate english = new Rate();
        englishArticles().forEach(article -> english.count(untranslated.problem(article).isPresent()));
        report.append(String.format(Locale.ROOT, "  false flags %-20s %s   (318 real English BBC articles as translations)%n",
                untranslated.flag(), english));

        Rate numberChanged = damage(articles, numbers, article -> changeOneNumber(article, random));
        Rate paragraphLeft = damage(articles, untranslated, article -> leaveOneParagraphInGerman(article, random));
        Rate halfKept = damage(articles, length, article -> cutOff(article, 0.5));
        Rate twoThirdsKept = damage(articles, length, article -> cutOff(article, 2.0 / 3));
        report.append(String.format(Locale.ROOT, "  true flags  numbers-changed      %s   (one digit of one number changed)%n", numberChanged));
        report.append(String.format(Locale.ROOT, "  true flags  untranslated-text    %s   (one paragraph of 2+ left in German)%n", paragraphLeft));
        report.append(String.format(Locale.ROOT, "  true flags  length-ratio         %s   (end cut off, first half kept; %d+ source chars)%n",
                halfKept, LengthRatioCheck.MIN_SOURCE_CHARS));
        report.append(String.format(Locale.ROOT, "  true flags  length-ratio         %s   (end cut off, first two thirds kept)%n", twoThirdsKept));
        System.out.println(report);

        assertThat(anyFalse.share()).as("false flags of any check").isLessThan(0.05);
        assertThat(english.share()).as("English text flagged as untranslated").isLessThan(0.01);
        assertThat(numberChanged.share()).as("changed numbers found").isGreaterThan(0.9);
        assertThat(paragraphLeft.share()).as("German paragraphs found").isGreaterThan(0.8);
        assertThat(halfKept.share()).as("half-cut translations found").isGreaterThan(0.95);
    }

    /** How often one check flags the damaged translation, over the articles the damage applies to. */
    private static Rate damage(List<Article> articles, TranslationCheck check, UnaryOperator<Article> damage) {
        Rate rate = new Rate();
        for (Article article : articles) {
            Article damaged = damage.apply(article);
            if (damaged != null) {
                rate.count(check.problem(damaged).isPresent());
            }
        }
        return rate;
    }

    /** One digit of one number of the translation, picked at random, changed; null without numbers. */
    private static Article changeOneNumber(Article article, Random random) {
        String text = article.translation().text().text();
        List<int[]> digits = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            // The last digit of the number's first part: what a slip changes (2015 -> 2016, 3.5 -> 4.5).
            int end = number.start();
            while (end < number.end() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            digits.add(new int[] {end - 1});
        }
        if (digits.isEmpty()) {
            return null;
        }
        int at = digits.get(random.nextInt(digits.size()))[0];
        char changed = (char) ('0' + (text.charAt(at) - '0' + 1 + random.nextInt(8)) % 10);
        String damaged = text.substring(0, at) + changed + text.substring(at + 1);
        return withTranslatedText(article, damaged);
    }

    /** One paragraph, picked at random, left as the German original; null for one-paragraph articles. */
    private static Article leaveOneParagraphInGerman(Article article, Random random) {
        List<String> german = article.original().paragraphs();
        if (german.size() < 2) {
            return null;
        }
        List<String> english = new ArrayList<>(article.translation().text().paragraphs());
        int at = random.nextInt(german.size());
        english.set(at, german.get(at));
        return withTranslatedText(article, String.join("\n", english));
    }

    /** The translation cut off at a word break after this share of its characters; null for short articles. */
    private static Article cutOff(Article article, double kept) {
        if (article.sourceCharacters() < LengthRatioCheck.MIN_SOURCE_CHARS) {
            return null;
        }
        String text = article.translation().text().text();
        int at = text.lastIndexOf(' ', (int) (text.length() * kept));
        return withTranslatedText(article, text.substring(0, at));
    }

    private static Article withTranslatedText(Article article, String text) {
        return article.withTranslation(new Translation(new ArticleText(List.of(text.split("\n")), false), "EN-US", 0, "DE", false));
    }

    private List<Article> germanArticles() throws IOException {
        List<Article> articles = new ArrayList<>();
        for (String line : lines("de-news-sample.jsonl")) {
            JsonNode item = JSON.readTree(line);
            List<String> paragraphs = paragraphsOfThreeSentences(item.get("text").asText());
            List<String> translated = paragraphs.stream()
                    .map(p -> SimTranslation.translate(p, "DE", "EN-US").substring("[EN-US] ".length()))
                    .map(EnglishNumberStandIn::apply)
                    .toList();
            articles.add(article(item.get("id").asText(), paragraphs, translated));
        }
        return articles;
    }

    /** Real English news as the "translation" of a German original (which only untranslated-text does not read). */
    private List<Article> englishArticles() throws IOException {
        List<Article> articles = new ArrayList<>();
        for (String line : lines("bbc-dev.jsonl")) {
            JsonNode item = JSON.readTree(line);
            List<String> paragraphs = List.of(item.get("article").asText().split("\n+"));
            articles.add(article(item.get("id").asText(), paragraphs, paragraphs));
        }
        return articles;
    }

    private static Article article(String id, List<String> original, List<String> translated) {
        return new Article(id, null, new ArticleText(original, false), "DE",
                new Translation(new ArticleText(translated, false), "EN-US", 0, "DE", false), List.of(), Instant.now());
    }

    private static List<String> paragraphsOfThreeSentences(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.GERMAN);
        sentences.setText(text);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int count = 0;
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            paragraph.append(text, start, end);
            if (++count % 3 == 0) {
                paragraphs.add(paragraph.toString().strip());
                paragraph.setLength(0);
            }
        }
        if (!paragraph.toString().isBlank()) {
            paragraphs.add(paragraph.toString().strip());
        }
        return paragraphs;
    }

    private static List<String> lines(String name) throws IOException {
        Path file = EVAL.resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: " + file.toAbsolutePath().normalize() + " is absent");
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }

    /** Flagged out of counted. */
    private static final class Rate {
        int flagged;
        int counted;

        void count(boolean wasFlagged) {
            counted++;
            flagged += wasFlagged ? 1 : 0;
        }

        double share() {
            return counted == 0 ? 0 : (double) flagged / counted;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%3d of %3d = %5.1f %%", flagged, counted, 100 * share());
        }
    }
}
