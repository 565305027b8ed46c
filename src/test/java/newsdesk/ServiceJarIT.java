package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user starts it: {@code java -jar target/newsdesk.jar} from the project root. */
class ServiceJarIT {

    @TempDir
    Path dataDir;

    @Test
    void withoutAKeyItStopsWithOneClearLineAndExitCode2() throws Exception {
        Path log = dataDir.resolve("out.log");
        Process process = JarProcess.start(Map.of("NEWSDESK_DATA_DIR", dataDir.resolve("data").toString()), log);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        String output = Files.readString(log);
        assertThat(output).contains("ERROR").contains("DEEPL_AUTH_KEY is not set");
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void translatesTheSampleReportsMetricsAndStopsCleanlyOnSigterm() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dataDir.resolve("data");
            Path log = dataDir.resolve("out.log");
            int monitoringPort = Articles.freePort();
            Process process = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(monitoringPort)), log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                assertThat(data.resolve("inbox")).isDirectory();
                // One line says it is ready, with what it watches and where to look; Camel's ~40 lines of
                // configuration summary are not shown.
                assertThat(Files.readString(log)).contains("Newsdesk watches " + data + "/inbox (desk default, DE → EN-US, results to file "
                        + data + "/outbox) for articles (.txt, .html, .md, .json, .xml, each also .gz); originals go to each desk's archive, "
                        + "rejected files to its error folder. Ready; status: http://127.0.0.1:" + monitoringPort + "/")
                        .contains("This node now leads the inbox: it polls " + data + "/inbox")
                        .doesNotContain("summary").doesNotContain("[application.properties]");
                Files.copy(Path.of("src/test/resources/articles/de-putin-tokayev.txt"), data.resolve("inbox/de-putin-tokayev.txt"));

                Path result = data.resolve("outbox/de-putin-tokayev.json");
                await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(result));
                JsonNode json = new ObjectMapper().readTree(result.toFile());
                assertThat(ResultSchema.violations(json)).isEmpty();
                await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).contains("Translated de-putin-tokayev.txt"));

                assertThat(JarProcess.get(monitoringPort, "/observe/health")).contains("\"status\":\"UP\"");
                String metrics = JarProcess.get(monitoringPort, "/observe/metrics");
                assertThat(metrics).containsPattern("newsdesk_articles_delivered_total\\{[^}]*} 1\\.0")
                        .containsPattern("newsdesk_deepl_billed_characters_total\\{[^}]*} "
                                + json.at("/translation/billedCharacters").asLong() + "\\.0")
                        .contains("camel_exchanges_total")
                        .containsPattern("newsdesk_inbox_leader\\{[^}]*} 1\\.0")
                        // The JVM's own (monitor.JvmMetrics).
                        .contains("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                                "system_cpu_count", "process_files_open_files");
                // Only this machine can reach the monitoring server, which has no authentication.
                for (InetAddress address : otherAddresses()) {
                    assertThatThrownBy(() -> new Socket(address, monitoringPort).close()).as(address.toString())
                            .isInstanceOf(ConnectException.class);
                }
            } finally {
                process.destroy();
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Files.readString(log)).doesNotContain(RunningNewsdesk.AUTH_KEY);
        }
    }

    /** This machine's addresses other than loopback, where a server bound to 127.0.0.1 must not answer. */
    private static List<InetAddress> otherAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(ServiceJarIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
