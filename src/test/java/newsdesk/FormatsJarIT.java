package newsdesk;

import java.time.Clock;
import newsdesk.ingest.InboxNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsdesk.FormatSamples.Sample;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar reads the German sample of every format, and a .gz, from its inbox into results with their metadata. */
class FormatsJarIT {

    @TempDir
    Path dir;

    @Test
    void everyFormatGoesFromInboxThroughTheSimulatorToTheOutbox() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            Process process = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())), log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                for (Sample sample : FormatSamples.ALL) {
                    Files.write(data.resolve("inbox").resolve(sample.file()), sample.bytes());
                }
                Files.write(data.resolve("inbox/de-bahnstreik.md.gz"), FormatSamples.gzip(FormatSamples.ALL.get(1).bytes()));

                for (Sample sample : FormatSamples.ALL) {
                    Path result = data.resolve("outbox").resolve(new InboxNames(Clock.systemUTC()).result(sample.file()));
                    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
                    JsonNode json = new ObjectMapper().readTree(result.toFile());
                    assertThat(ResultSchema.violations(json)).as(sample.file()).isEmpty();
                    assertThat(json.at("/source/format").asText()).isEqualTo(sample.format());
                    assertThat(json.at("/source/metadata/byline").asText()).isEqualTo(sample.byline());
                    assertThat(json.at("/title").asText()).isEqualTo(json.at("/translation/paragraphs/0").asText());
                }
                Path gzipped = data.resolve("outbox/de-bahnstreik.md.gz.json");
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(gzipped));
                assertThat(new ObjectMapper().readTree(gzipped.toFile()).at("/source/format").asText()).isEqualTo("markdown");
                assertThat(data.resolve("error")).isEmptyDirectory();
            } finally {
                process.destroy();
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
