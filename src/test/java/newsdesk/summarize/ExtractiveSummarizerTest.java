package newsdesk.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.article.Translation;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private static final String TITLE = "Putin and Tokayev discuss Kazakhstan's stability";
    private static final String STORY = String.join("\n",
            TITLE,
            "By Anna Petrova",
            "MOSCOW, January 20 (Reuters) -",
            "Russian President Vladimir Putin and Kazakh President Kassym-Jomart Tokayev discussed the stability of Kazakhstan and bilateral cooperation during talks in Moscow on Thursday.",
            "Photo: Reuters",
            "President Tokayev's firm stance, Russia's support and the help of the Collective Security Treaty Organization made it possible to restore order in Kazakhstan in the shortest possible time, Putin said at a press conference after the talks.",
            "Putin called the unrest in January an act of terrorist aggression committed with the direct participation of destructive internal and external forces.",
            "Read more: What the CSTO mission means for Central Asia",
            "\"Strengthening military and military-technical cooperation was also at the centre of the talks. Russia will continue to help Kazakhstan train military specialists,\" Putin said.",
            "On regional and international issues, Putin noted that the positions of both countries often coincide, including on international platforms such as the United Nations.",
            "Tokayev thanked Putin and the CSTO for repelling an unprecedented terrorist attack in Kazakhstan and voiced his support for Russia's position on the indivisibility of security in Eurasia.",
            "He said both countries were ready to deepen political, economic, cultural and humanitarian ties, adding that documents on cooperation in digital technology, space research and nuclear energy had been signed. ■",
            "bbabo.Net");

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(3, 0);

    @Test
    void returnsTheRequestedNumberOfSentencesVerbatimInTextOrder() {
        List<String> summary = summarizer.summarize(null, STORY, "en");

        assertThat(summary).hasSize(3);
        summary.forEach(sentence -> assertThat(STORY).contains(sentence));
        List<Integer> positions = summary.stream().map(STORY::indexOf).toList();
        assertThat(positions).isSorted();
    }

    @Test
    void neverReturnsTitleHeadingDatelineBylineCaptionLinkOrSourceName() {
        List<String> everything = new ExtractiveSummarizer(50, 0).summarize(TITLE, STORY, "en");

        assertThat(everything).hasSize(7).noneMatch(sentence ->
                sentence.equals(TITLE) || sentence.startsWith("By ") || sentence.startsWith("MOSCOW")
                        || sentence.startsWith("Photo") || sentence.startsWith("Read more")
                        || sentence.contains("bbabo") || sentence.contains("■"));
    }

    @Test
    void keepsTheLastSentenceButDropsItsEndMark() {
        List<String> everything = new ExtractiveSummarizer(50, 0).summarize(TITLE, STORY, "en");

        assertThat(everything).last().asString()
                .startsWith("He said both countries")
                .endsWith("had been signed.");
    }

    @Test
    void keepsAQuotationOfSeveralSentencesAsOneSentence() {
        List<String> everything = new ExtractiveSummarizer(50, 0).summarize(TITLE, STORY, "en");

        assertThat(everything).contains("\"Strengthening military and military-technical cooperation was also at the centre"
                + " of the talks. Russia will continue to help Kazakhstan train military specialists,\" Putin said.");
    }

    @Test
    void neverReturnsTheTitleLineAlone() {
        assertThat(summarizer.summarize(TITLE, TITLE, "en")).isEmpty();
        assertThat(summarizer.summarize(null, TITLE, "en")).isEmpty();
        assertThat(summarizer.summarize(TITLE, "", "en")).isEmpty();
        assertThat(summarizer.summarize(TITLE, null, "en")).isEmpty();
    }

    @Test
    void aVeryShortArticleIsItsOwnSummary() {
        String body = "The central bank raised its key rate to 9.5 percent on Monday.\n"
                + "Analysts had expected the move after inflation rose for a third month.";

        assertThat(summarizer.summarize(null, body, "en")).containsExactly(
                "The central bank raised its key rate to 9.5 percent on Monday.",
                "Analysts had expected the move after inflation rose for a third month.");
    }

    @Test
    void summarisesALongArticle() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            body.append("Paragraph ").append(i).append(" reports that the regional council in district ").append(i % 7)
                    .append(" approved a new budget for schools and roads. ")
                    .append("Officials expect the spending to reach every village by the end of year ").append(2020 + i % 5)
                    .append(".\n");
        }
        assertThat(body.toString().split("\\s+").length).isGreaterThan(2000);

        List<String> summary = summarizer.summarize(null, body.toString(), "en");

        assertThat(summary).hasSize(3).allSatisfy(sentence -> assertThat(body.toString()).contains(sentence));
    }

    @Test
    void staysWithinTheCharacterBudget() {
        int budget = 300;
        List<String> summary = new ExtractiveSummarizer(10, budget).summarize(TITLE, STORY, "en");

        assertThat(summary).isNotEmpty();
        assertThat(String.join(" ", summary)).hasSizeLessThanOrEqualTo(budget);
    }

    @Test
    void aBudgetSmallerThanAnySentenceStillGivesOneSentence() {
        assertThat(new ExtractiveSummarizer(3, 10).summarize(TITLE, STORY, "en")).hasSize(1);
    }

    @Test
    void summarisesGermanText() {
        String body = String.join("\n",
                "Der russische Präsident Wladimir Putin und der kasachische Präsident Kassym-Schomart Tokajew haben am Donnerstag in Moskau über die Stabilität Kasachstans gesprochen.",
                "Putin nannte die Unruhen im Januar „einen Akt terroristischer Aggression. Er wurde von außen gesteuert“, sagte er nach den Gesprächen.",
                "Tokajew dankte Putin und der OVKS, z. B. für die schnelle Hilfe, und unterstützte Russlands Position zur Sicherheit in Eurasien.",
                "Beide Länder wollen die Zusammenarbeit am 3. Oktober in Astana vertiefen. ■",
                "bbabo.Net");

        List<String> all = new ExtractiveSummarizer(10, 0).summarize(null, body, "de");

        assertThat(all).containsExactly(
                "Der russische Präsident Wladimir Putin und der kasachische Präsident Kassym-Schomart Tokajew haben am Donnerstag in Moskau über die Stabilität Kasachstans gesprochen.",
                "Putin nannte die Unruhen im Januar „einen Akt terroristischer Aggression. Er wurde von außen gesteuert“, sagte er nach den Gesprächen.",
                "Tokajew dankte Putin und der OVKS, z. B. für die schnelle Hilfe, und unterstützte Russlands Position zur Sicherheit in Eurasien.",
                "Beide Länder wollen die Zusammenarbeit am 3. Oktober in Astana vertiefen.");
        assertThat(new ExtractiveSummarizer(2, 0).summarize(null, body, "de")).hasSize(2);
    }

    @Test
    void summarisesTheEnglishTranslationOfAnArticle() {
        ArticleText translated = new ArticleText(List.of(STORY.split("\n")), true);
        Article article = new Article("id", null, null, "de",
                new Translation(translated, "EN-US", 100, "DE", false), null, Instant.now());

        Article summarised = summarizer.summarize(article);

        assertThat(summarised.summary()).isEqualTo(summarizer.summarize(TITLE, translated.body(), "en"));
    }

    @Test
    void summarisesTheOriginalInItsOwnLanguageWhenAsked() {
        ArticleText original = new ArticleText(List.of("Putin empfängt Tokajew", "",
                "Putin und Tokajew sprachen am Donnerstag in Moskau über die Lage in Kasachstan.",
                "Beide lobten die Zusammenarbeit, z. B. in der Raumfahrt. ■", "bbabo.Net"), true);
        Article article = new Article("id", null, original, "DE", null, null, Instant.now());

        assertThat(summarizer.summarizeOriginal(article).summary()).containsExactly(
                "Putin und Tokajew sprachen am Donnerstag in Moskau über die Lage in Kasachstan.",
                "Beide lobten die Zusammenarbeit, z. B. in der Raumfahrt.");
    }

    @Test
    void givesTheSameSummariesWhenUsedConcurrently() throws Exception {
        List<String> expected = summarizer.summarize(TITLE, STORY, "en");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> summarizer.summarize(TITLE, STORY, "en")));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsInvalidSettingsAndLanguages() {
        assertThatThrownBy(() -> new ExtractiveSummarizer(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtractiveSummarizer(3, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> summarizer.summarize(null, STORY, "es"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("es");
    }
}
