package newsdesk.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Summaries of French text (a DE→FR desk summarizing its translation): French sentences, stop words and stems. */
class FrenchSummaryTest {

    private static final String BODY = String.join("\n",
            "Le gouvernement a présenté lundi un nouveau budget pour les hôpitaux. M. Dupont, ministre de la Santé, "
                    + "a défendu le budget devant l'Assemblée nationale.",
            "Les hôpitaux recevront deux milliards d'euros de plus en 2027. Les syndicats jugent le budget insuffisant.",
            "Il faisait beau à Paris.");

    @Test
    void summarizesFrenchTextInFrenchSentences() {
        List<String> summary = new ExtractiveSummarizer(2, 0).summarize("Budget des hôpitaux", BODY, "FR");

        assertThat(summary).hasSize(2);
        // Whole sentences from the text: "M. Dupont" does not end one.
        assertThat(summary).allSatisfy(sentence -> assertThat(BODY).contains(sentence));
        assertThat(summary).noneMatch(sentence -> sentence.endsWith("M"));
        assertThat(summary).doesNotContain("Il faisait beau à Paris");
    }

    @Test
    void frenchTermsLeaveOutStopWordsAndShareAStem() {
        assertThat(Language.of("fr").terms("Les hôpitaux et l'hôpital de la ville"))
                .doesNotContain("les", "et", "de", "la", "l")
                .satisfies(terms -> assertThat(terms.get(0)).isEqualTo(terms.get(1)));
    }

    @Test
    void knowsWhichLanguagesItSummarizes() {
        assertThat(ExtractiveSummarizer.summarizes("FR")).isTrue();
        assertThat(ExtractiveSummarizer.summarizes("EN-GB")).isTrue();
        assertThat(ExtractiveSummarizer.summarizes("ES")).isFalse();
        assertThat(ExtractiveSummarizer.languages()).isEqualTo("DE, EN, FR");
    }
}
