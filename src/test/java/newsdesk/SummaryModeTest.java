package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newsdesk.deeplsim.RecordedRequest;
import newsdesk.deeplsim.SimTranslation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newsdesk.translate=summary: only the title and the summary sentences are sent, the rest goes as context. */
class SummaryModeTest {

    @TempDir
    Path dataDir;

    @Test
    void onlyTheSummarySentencesAreTranslatedAndBilledWithTheArticleAsContext() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/articles/de-putin-tokayev.txt")) {
            sample = in.readAllBytes();
        }
        String german = new String(sample, StandardCharsets.UTF_8);
        String headline = "Putin empfängt Tokajew in Moskau";
        byte[] withTitle = (headline + "\n\n" + german).getBytes(StandardCharsets.UTF_8);
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.translate", "summary")) {
            newsdesk.drop("putin.txt", withTitle);

            JsonNode result = newsdesk.awaitResult("putin.txt");

            assertThat(ResultSchema.violations(result)).isEmpty();
            assertThat(result.at("/translation/mode").asText()).isEqualTo("summary");
            assertThat(newsdesk.deepl.translateRequestCount()).isEqualTo(1);
            RecordedRequest request = newsdesk.deepl.translateRequests().get(0);
            List<String> sent = request.texts();
            assertThat(sent.get(0)).isEqualTo(headline);
            List<String> germanSentences = sent.subList(1, sent.size());
            assertThat(germanSentences).hasSize(3).allSatisfy(sentence -> assertThat(german).contains(sentence));
            // The whole article fits, so it all goes along as context, which is not billed.
            assertThat(request.context()).isEqualTo(headline + "\n" + german.strip());
            long billed = result.at("/translation/billedCharacters").asLong();
            assertThat(billed).isEqualTo(sent.stream().mapToLong(text -> text.codePoints().count()).sum())
                    .isEqualTo(newsdesk.deepl.billedCharacters())
                    .isLessThan(german.replace("\n", "").codePoints().count() / 2);

            assertThat(result.at("/title").asText()).isEqualTo(SimTranslation.translate(headline, "DE", "EN-US"));
            List<String> summary = new ArrayList<>();
            result.at("/summary/sentences").forEach(s -> summary.add(s.asText()));
            assertThat(summary).containsExactlyElementsOf(
                    germanSentences.stream().map(s -> SimTranslation.translate(s, "DE", "EN-US")).toList());
            assertThat(result.at("/translation/paragraphs").size()).isEqualTo(4);
            summary.forEach(sentence -> assertThat(result.at("/translation/text").asText()).contains(sentence));
            assertThat(newsdesk.files("archive")).hasSize(1);
        }
    }

    @Test
    void aMistypedModeStopsStartUpWithAClearMessage() {
        assertThatThrownBy(() -> RunningNewsdesk.start(dataDir, "newsdesk.translate", "sumary").close())
                .hasStackTraceContaining("NEWSDESK_TRANSLATE is 'sumary': set it to one of [full, summary].");
    }
}
