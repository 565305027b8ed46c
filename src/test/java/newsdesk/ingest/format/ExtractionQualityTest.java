package newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dankito.readability4j.Readability4J;
import newsdesk.evaluate.ShingleOverlap;
import newsdesk.evaluate.SnippetMatch;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.junit.jupiter.api.Test;

/**
 * Main-text extraction on the benchmark's dev pages (shared/eval README, section 5): Newsdesk's own rules
 * reach F1 0.970 (0.974 now), and score higher than the library measured against them (Readability4J, a Kotlin port of
 * Readability.js), which is why they are used; and on the German dev pages' snippets (section 8). Skipped when
 * the shared data is absent.
 */
class ExtractionQualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void newsdesksRulesReachF1Of0965AndBeatReadability4j() throws Exception {
        Path folder = Samples.shared("eval/html-articles");
        List<ShingleOverlap.Page> ours = new ArrayList<>();
        List<ShingleOverlap.Page> library = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("truth.jsonl"))) {
            JsonNode truth = JSON.readTree(line);
            Path page = folder.resolve("html/" + truth.get("id").asText() + ".html.gz");
            ours.add(ShingleOverlap.page(truth.get("articleBody").asText(), body(page)));
            String text = new Readability4J(truth.get("url").asText(), Samples.gunzipped(page)).parse().getTextContent();
            library.add(ShingleOverlap.page(truth.get("articleBody").asText(), text == null ? "" : text));
        }
        ShingleOverlap.Score newsdesk = ShingleOverlap.score(ours);
        ShingleOverlap.Score readability4j = ShingleOverlap.score(library);
        System.out.printf(Locale.ROOT, "%d pages: Newsdesk F1 %.3f (P %.3f, R %.3f); Readability4J F1 %.3f (P %.3f, R %.3f)%n", ours.size(),
                newsdesk.f1(), newsdesk.precision(), newsdesk.recall(), readability4j.f1(), readability4j.precision(), readability4j.recall());

        assertThat(newsdesk.f1()).isGreaterThanOrEqualTo(0.970);
        assertThat(newsdesk.f1()).isGreaterThan(readability4j.f1());
    }

    /**
     * The German dev half (shared/eval README, section 8): snippet F 0.945 (P 0.938, R 0.952); the rules before the lead,
     * teaser, sibling, reading-tip and short-result rules scored 0.897, so the floor sits a little below today's figure.
     */
    @Test
    void germanPagesKeepTheirSnippetScoreAbove0940() throws Exception {
        Path folder = Samples.shared("eval/de-pages");
        List<SnippetMatch.Page> pages = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("truth.jsonl"))) {
            JsonNode truth = JSON.readTree(line);
            Path page = folder.resolve("html/" + truth.get("id").asText() + ".html.gz");
            pages.add(SnippetMatch.page(strings(truth.get("with")), strings(truth.get("without")), body(page)));
        }
        SnippetMatch.Score score = SnippetMatch.score(pages);
        System.out.printf(Locale.ROOT, "%d German pages: snippet F %.3f (P %.3f, R %.3f)%n", pages.size(), score.f(), score.precision(),
                score.recall());

        assertThat(pages).hasSizeGreaterThan(300);
        assertThat(score.f()).isGreaterThanOrEqualTo(0.940);
    }

    /** The article text Newsdesk reads from a saved page, empty when it refuses the page. */
    private static String body(Path page) throws java.io.IOException {
        try {
            return new ArticleReader(null, new ReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, 256)).read(Files.readAllBytes(page), "page.html.gz").original().body();
        } catch (UnprocessableArticleException refused) {
            return "";
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    @Test
    void theScoreIsTheBenchmarksOnHandMadeCases() {
        // 5 tokens = 2 shingles each; one shared: tp 1, fp 1, fn 1.
        ShingleOverlap.Page page = ShingleOverlap.page("a b c d e", "a b c d x");
        assertThat(page.tp()).isEqualTo(1.0 / 3);
        assertThat(ShingleOverlap.precision(page)).isEqualTo(0.5);
        assertThat(ShingleOverlap.score(List.of(page, ShingleOverlap.page("ein Text", "ein Text"))).f1()).isEqualTo(0.75);
        assertThat(ShingleOverlap.score(List.of(ShingleOverlap.page("Wort eins zwei drei", ""))).recall()).isZero();
    }

    @Test
    void theSnippetScoreIsTrafilaturasOnHandMadeCases() {
        // White space of any kind compares as one space; case counts.
        SnippetMatch.Page page = SnippetMatch.page(List.of("neue  Brücke", "Zweiter Satz", "ein satz"), List.of("Menü"),
                "Ein Satz über die neue\u00A0Brücke.\nMenü");
        assertThat(page).isEqualTo(new SnippetMatch.Page(1, 1, 2));
        SnippetMatch.Score score = SnippetMatch.score(List.of(page, SnippetMatch.page(List.of("Text"), List.of(), null)));
        assertThat(score.f()).isEqualTo(2.0 / (2 + 1 + 3));
        assertThat(score.recall()).isEqualTo(0.25);
    }
}
