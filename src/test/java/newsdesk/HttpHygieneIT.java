package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring port through the jar: every answer, /observe/* and 404s too, carries the security headers, and a
 * request naming another host (DNS rebinding) gets 421 and no data. Requests are written by hand, as Java's HTTP
 * client does not let a test set the Host header.
 */
class HttpHygieneIT {

    private static final String[] SECURITY_HEADERS = {
        "content-security-policy: default-src 'none'", "x-content-type-options: nosniff", "referrer-policy: no-referrer"};

    @TempDir
    Path dir;

    @Test
    void everyAnswerHasTheSecurityHeadersAndOnlyKnownHostsAreAnswered() throws Exception {
        int port = Articles.freePort();
        Path log = dir.resolve("newsdesk.log");
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Process process = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", dir.resolve("data").toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(port),
                    "NEWSDESK_HTTP_ALLOWED_HOSTS", "newsdesk.example.org, metrics.internal"), log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Ready; status:") == 1);
                for (String path : new String[] {"/", "/api/articles", "/observe/health", "/observe/metrics", "/no-such-page"}) {
                    for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "[::1]", "newsdesk.example.org",
                        "METRICS.internal:" + port}) {
                        String answer = MonitoringPort.getAs(port, path, host);
                        assertThat(answer).as(host + path).startsWith(path.equals("/no-such-page") ? "HTTP/1.1 404" : "HTTP/1.1 200");
                        assertThat(answer.toLowerCase()).as(host + path).contains(SECURITY_HEADERS);
                    }
                    for (String host : new String[] {"evil.example", "evil.example:" + port, "localhost.evil.example"}) {
                        String answer = MonitoringPort.getAs(port, path, host);
                        assertThat(answer).as(host + path).startsWith("HTTP/1.1 421");
                        assertThat(answer.toLowerCase()).as(host + path).contains(SECURITY_HEADERS).contains("content-length: 0");
                        assertThat(answer).as(host + path).endsWith("\r\n\r\n");
                    }
                }
            } finally {
                JarProcess.stop(process);
            }
        }
    }
}
