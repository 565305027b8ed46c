package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as README starts it, with DeepL refusing connections for a minute (nothing listens on its port) while five
 * articles wait: one paused state, said once and shown the same in readiness, /api/status and the metric; a quiet log;
 * and once DeepL answers (the simulator starts on that port) every article delivered and billed once, without a restart.
 */
class DeeplUnreachableIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = 5;

    @TempDir
    Path root;

    @Test
    void aMinuteWithoutDeeplIsOneQuietPauseAndEveryArticleIsDeliveredOnceAfter() throws Exception {
        int deeplPort = Articles.freePort();
        int port = Articles.freePort();
        Path data = root.resolve("data");
        Path log = root.resolve("newsdesk.log");
        Process newsdesk = JarProcess.start(Map.of(
                "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                "DEEPL_SERVER_URL", "http://127.0.0.1:" + deeplPort,
                "NEWSDESK_DATA_DIR", data.toString(),
                "NEWSDESK_MONITORING_PORT", String.valueOf(port)), log);
        DeeplSimulator deepl = null;
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
            long linesBefore = Files.readAllLines(log).size();
            long start = System.nanoTime();
            for (int i = 0; i < ARTICLES; i++) {
                Path draft = data.resolve("draft-" + i + ".tmp");
                Files.write(draft, Articles.numbered(10 + i));
                Files.move(draft, data.resolve("inbox/waiting-" + i + ".txt"));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 503);
            long notReadyMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("DeepL does not answer");
            assertThat(MonitoringPort.get(port, "/observe/health/live").statusCode()).isEqualTo(200);
            JsonNode paused = JSON.readTree(MonitoringPort.get(port, "/api/status").body()).get("paused");
            assertThat(paused).hasSize(1);
            assertThat(paused.at("/0/condition").asText()).isEqualTo("deepl-unreachable");
            assertThat(paused.at("/0/since").asText()).isNotEmpty();
            assertThat(MonitoringPort.get(port, "/observe/metrics").body())
                    .containsPattern("newsdesk_paused\\{[^}]*condition=\"deepl-unreachable\"[^}]*} 1\\.0")
                    .containsPattern("newsdesk_paused\\{[^}]*condition=\"deepl-refuses\"[^}]*} 0\\.0");

            Thread.sleep(Math.max(0, Duration.ofSeconds(60).toMillis() - (System.nanoTime() - start) / 1_000_000));
            List<String> minute = Files.readAllLines(log).stream().skip(linesBefore).toList();
            assertThat(minute).as("the log of the minute without DeepL").hasSizeLessThanOrEqualTo(20)
                    .filteredOn(line -> line.contains(" ERROR ")).hasSize(1);
            assertThat(minute).noneMatch(line -> line.contains("\tat ") || line.contains("Message History"));
            assertThat(data.resolve("inbox")).isDirectoryContaining(file -> file.getFileName().toString().startsWith("waiting-"));
            assertThat(data.resolve("error")).isEmptyDirectory();

            deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY, deeplPort);
            long back = System.nanoTime();
            long billedInResults = 0;
            for (int i = 0; i < ARTICLES; i++) {
                Path result = data.resolve("outbox/waiting-" + i + ".json");
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(result));
                JsonNode json = JSON.readTree(result.toFile());
                assertThat(json.at("/translation/billedCharacters").asLong()).as(result.toString()).isPositive();
                billedInResults += json.at("/translation/billedCharacters").asLong();
            }
            assertThat(deepl.translateRequestCount()).as("one request per article").isEqualTo(ARTICLES);
            assertThat(billedInResults).isEqualTo(deepl.billedCharacters());
            System.out.printf("DeepL unreachable for 60 s: readiness 503 after %d ms, %d log lines in the minute, %d articles "
                    + "delivered %d ms after DeepL answered, %d characters billed in %d requests%n", notReadyMs, minute.size(),
                    ARTICLES, (System.nanoTime() - back) / 1_000_000, billedInResults, deepl.translateRequestCount());
            await().atMost(Duration.ofSeconds(30)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 200);
            assertThat(MonitoringPort.get(port, "/observe/metrics").body())
                    .containsPattern("newsdesk_paused\\{[^}]*condition=\"deepl-unreachable\"[^}]*} 0\\.0");
            assertThat(JSON.readTree(MonitoringPort.get(port, "/api/status").body()).get("paused")).isEmpty();
        } finally {
            assertThat(JarProcess.stop(newsdesk)).isZero();
            if (deepl != null) {
                deepl.close();
            }
        }
        assertThat(Files.readString(log)).doesNotContain(RunningNewsdesk.AUTH_KEY);
    }
}
