package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newsdesk.deeplsim.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real routes, beans and folders against the DeepL simulator: what happens to each kind of file. */
class EndToEndTest {

    @TempDir
    Path dataDir;
    RunningNewsdesk newsdesk;

    @BeforeEach
    void start() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir);
    }

    @AfterEach
    void stop() {
        newsdesk.close();
    }

    @Test
    void theSampleArticleBecomesAValidResultAndIsArchived() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/articles/de-putin-tokayev.txt")) {
            sample = in.readAllBytes();
        }
        newsdesk.drop("de-putin-tokayev.txt", sample);

        JsonNode result = newsdesk.awaitResult("de-putin-tokayev.txt");

        assertThat(ResultSchema.violations(result)).isEmpty();
        String translation = result.at("/translation/text").asText();
        assertThat(result.at("/summary/sentences")).hasSize(3);
        result.at("/summary/sentences").forEach(s -> assertThat(translation).contains(s.asText()));
        assertThat(result.at("/translation/paragraphs")).hasSize(9);
        assertThat(translation.split("\n")).hasSize(9);
        assertThat(result.at("/translation/billedCharacters").asLong())
                .isEqualTo(new String(sample, StandardCharsets.UTF_8).replace("\n", "").codePoints().count());
        assertThat(result.at("/id").asText()).isEqualTo(result.at("/source/sha256").asText());
        assertThat(newsdesk.deepl.translateRequestCount()).isEqualTo(1);
        assertThat(newsdesk.deepl.translateRequests().get(0).sourceLang()).isEqualToIgnoringCase("DE");
        assertThat(newsdesk.awaitFileStartingWith("archive", "de-putin-tokayev.")).hasSize(1);
        assertThat(newsdesk.files("inbox")).isEmpty();
    }

    @Test
    void emptyAndBinaryFilesGoToErrorWithAReasonAndNeverReachDeepl() throws Exception {
        newsdesk.drop("empty.txt", new byte[0]);
        newsdesk.drop("binary.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        newsdesk.awaitFileStartingWith("error", "binary.");
        List<String> errors = newsdesk.awaitFileStartingWith("error", "empty.");

        assertThat(errors).hasSize(4).anyMatch(n -> n.startsWith("empty.") && n.endsWith(".txt.error.json"));
        String emptyReason = Files.readString(newsdesk.folder("error").resolve(
                errors.stream().filter(n -> n.startsWith("empty.") && n.endsWith(".error.json")).findFirst().orElseThrow()));
        assertThat(emptyReason).contains("\"reason\" : \"The file is empty.\"").contains("\"file\" : \"empty.txt\"");
        assertThat(newsdesk.deepl.translateRequestCount()).isZero();
        assertThat(newsdesk.files("outbox")).isEmpty();
    }

    @Test
    void aWindows1252FileIsDecodedAndTranslated() throws Exception {
        newsdesk.drop("alt.txt", "Grüße aus Köln\n\nDie Straße ist groß. Das Wetter ist schön.".getBytes(Charset.forName("windows-1252")));

        JsonNode result = newsdesk.awaitResult("alt.txt");

        assertThat(ResultSchema.violations(result)).isEmpty();
        assertThat(result.at("/source/encoding").asText()).isEqualTo("windows-1252");
        assertThat(result.at("/source/title").asText()).isEqualTo("Grüße aus Köln");
        assertThat(newsdesk.deepl.translateRequests().get(0).texts()).contains("Die Straße ist groß. Das Wetter ist schön.");
    }

    @Test
    void a300KibArticleIsSplitIntoRequestsWithinDeeplLimits() throws Exception {
        StringBuilder article = new StringBuilder("Ein sehr langer Bericht\n\n");
        for (int i = 0; article.length() < 300 * 1024; i++) {
            article.append("Absatz ").append(i).append(": Die Bundesregierung hat am Montag über die Lage beraten. ")
                    .append("Der Minister äußerte sich zufrieden über die Größe der Fortschritte.\n");
        }
        newsdesk.drop("long.txt", article.toString().getBytes(StandardCharsets.UTF_8));

        JsonNode result = newsdesk.awaitResult("long.txt");

        List<RecordedRequest> requests = newsdesk.deepl.translateRequests();
        assertThat(requests.size()).isGreaterThan(1);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.texts().size()).isLessThanOrEqualTo(50);
            assertThat(r.bodyBytes()).isLessThanOrEqualTo(128 * 1024);
        });
        assertThat(result.at("/translation/paragraphs").size()).isEqualTo(article.toString().split("\n+").length);
        assertThat(ResultSchema.violations(result)).isEmpty();
    }

    @Test
    void aFileWrittenSlowlyIsReadOnlyWhenComplete() throws Exception {
        Path target = newsdesk.folder("inbox").resolve("slow.txt");
        List<String> pieces = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < 8; i++) {
                String piece = "Satz Nummer " + i + " kommt langsam an.\n";
                pieces.add(piece.strip());
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(150);
            }
        }

        JsonNode result = newsdesk.awaitResult("slow.txt");

        assertThat(result.at("/translation/paragraphs")).hasSize(8);
        assertThat(newsdesk.deepl.translateRequestCount()).isEqualTo(1);
        assertThat(newsdesk.deepl.translateRequests().get(0).texts()).containsExactlyElementsOf(pieces);
    }
}
