package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newsdesk.summary.language=source: the summary is taken from the German original, verbatim. */
class SummaryLanguageTest {

    @TempDir
    Path dataDir;

    @Test
    void aSourceLanguageSummaryQuotesTheGermanOriginal() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/articles/de-putin-tokayev.txt")) {
            sample = in.readAllBytes();
        }
        String german = new String(sample, StandardCharsets.UTF_8);
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.summary.language", "source")) {
            newsdesk.drop("putin.txt", sample);

            JsonNode result = newsdesk.awaitResult("putin.txt");

            assertThat(ResultSchema.violations(result)).isEmpty();
            assertThat(result.at("/summary/sentences")).hasSize(3)
                    .allSatisfy(sentence -> assertThat(german).contains(sentence.asText()));
            assertThat(result.at("/translation/text").asText()).doesNotContain(result.at("/summary/sentences/0").asText());
        }
    }

    /** French is translated with DeepL detecting it; French has a sentence model, so the summary quotes the French original. */
    @Test
    void frenchTextIsSummarizedInFrench() throws Exception {
        String french = "Le gouvernement se réunit\n\nLe gouvernement s'est réuni lundi pour discuter de la situation, "
                + "et le ministre a dit que la loi ne changera pas.\n\nLa police va vérifier les règles, a expliqué le président.\n";
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.summary.language", "source")) {
            newsdesk.drop("france.txt", french.getBytes(StandardCharsets.UTF_8));

            JsonNode result = newsdesk.awaitResult("france.txt");

            assertThat(ResultSchema.violations(result)).isEmpty();
            assertThat(result.at("/language/source").asText()).isEqualTo("FR");
            assertThat(result.at("/summary/sentences")).isNotEmpty()
                    .allSatisfy(sentence -> assertThat(french).contains(sentence.asText()));
        }
    }
}
