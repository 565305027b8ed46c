package newsdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import newsdesk.Articles;
import newsdesk.MonitoringPort;
import newsdesk.RunningNewsdesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /observe/health/ready says DOWN, and why, while nothing can be translated; liveness stays UP. */
class ReadinessTest {

    @TempDir
    Path dataDir;

    @Test
    void notReadyWhileDeeplsQuotaIsUsedUpAndReadyAgainAfter() throws Exception {
        int port = Articles.freePort();
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.monitoring.enabled", "true",
                "newsdesk.monitoring.port", String.valueOf(port), "newsdesk.deepl.pause-check-ms", "300")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 200);
            assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("\"status\":\"UP\"");

            newsdesk.deepl.setCharacterLimit(0);
            newsdesk.drop("eins.txt", Articles.numbered(1));

            await().atMost(Duration.ofSeconds(10)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 503);
            assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("DOWN").contains("quota is used up (456)");
            assertThat(MonitoringPort.get(port, "/observe/health").statusCode()).isEqualTo(503);
            HttpResponse<String> live = MonitoringPort.get(port, "/observe/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"UP\"");

            newsdesk.deepl.setCharacterLimit(1_000_000);
            newsdesk.awaitResult("eins.txt");
            await().atMost(Duration.ofSeconds(10)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 200);
        }
    }

    @Test
    void notReadyWhileDeeplDoesNotAnswer() throws Exception {
        int port = Articles.freePort();
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.monitoring.enabled", "true",
                "newsdesk.monitoring.port", String.valueOf(port), "deepl.server-url", "http://127.0.0.1:9",
                "newsdesk.deepl.redeliveries", "0")) {
            newsdesk.drop("eins.txt", "Titel\n\nDie Regierung hat am Montag beraten.".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(15)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 503);
            assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("DeepL does not answer");
            assertThat(MonitoringPort.get(port, "/observe/health/live").statusCode()).isEqualTo(200);
        }
    }
}
