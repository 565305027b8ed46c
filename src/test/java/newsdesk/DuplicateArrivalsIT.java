package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with the same text arriving under 50 names at once (8 workers): DeepL bills it
 * once, /observe/metrics counts what DeepL counted, and while DeepL refuses work readiness is DOWN.
 */
class DuplicateArrivalsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void oneTextUnder50NamesIsBilledOnceAndTheMetricsAndReadinessTellTheTruth() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            deepl.setLatency(Duration.ofMillis(500));
            Path data = root.resolve("data");
            Path log = root.resolve("newsdesk.log");
            int port = Articles.freePort();
            Process newsdesk = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_CONCURRENCY", "8",
                    "NEWSDESK_MONITORING_PORT", String.valueOf(port),
                    "NEWSDESK_DEEPL_PAUSE_CHECK_MS", "500"), log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
                byte[] article = Articles.sample();
                Path staging = Files.createDirectories(root.resolve("staging"));
                for (int i = 0; i < 50; i++) {
                    Files.write(staging.resolve("kopie-" + i + ".txt"), article);
                }
                for (int i = 0; i < 50; i++) {
                    Files.move(staging.resolve("kopie-" + i + ".txt"), data.resolve("inbox/kopie-" + i + ".txt"));
                }
                long billedInResults = 0;
                for (int i = 0; i < 50; i++) {
                    Path result = data.resolve("outbox/kopie-" + i + ".json");
                    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(result));
                    JsonNode json = JSON.readTree(result.toFile());
                    billedInResults += json.at("/translation/billedCharacters").asLong();
                }
                assertThat(deepl.translateRequests()).filteredOn(r -> r.status() == 200).hasSize(1);
                assertThat(billedInResults).isEqualTo(deepl.billedCharacters()).isPositive();
                assertThat(MonitoringPort.get(port, "/observe/metrics").body())
                        .containsPattern("newsdesk_deepl_billed_characters_total\\{[^}]*} " + deepl.billedCharacters() + "\\.0");
                assertThat(MonitoringPort.get(port, "/observe/health/ready").statusCode()).isEqualTo(200);

                // The quota runs out: not ready, and why; alive all the same.
                deepl.setCharacterLimit(deepl.billedCharacters());
                Files.write(data.resolve("inbox/neu.txt"), Articles.numbered(1));
                await().atMost(Duration.ofSeconds(30)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 503);
                assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("quota is used up (456)");
                assertThat(MonitoringPort.get(port, "/observe/health/live").statusCode()).isEqualTo(200);
                assertThat(Files.exists(data.resolve("inbox/neu.txt"))).isTrue();
            } finally {
                assertThat(JarProcess.stop(newsdesk)).isZero();
            }
            assertThat(Files.readString(log)).doesNotContain(RunningNewsdesk.AUTH_KEY);
        }
    }
}
