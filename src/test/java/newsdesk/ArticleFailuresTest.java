package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsdesk.broker.EmbeddedArtemis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article that fails for a reason of its own (here its delivery: a folder stands where its result goes, so the
 * result cannot replace it) is tried newsdesk.article.max-attempts times, an inbox file 1 s and 2 s after its first
 * failure (newsdesk.article.retry-delay-ms), then goes to error/ with its reason; the
 * articles after it are delivered. On an all node and on a JMS worker (Kafka: {@code KafkaTest}). Through the jar:
 * {@code ArticleFailuresIT}.
 */
class ArticleFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anArticleThatKeepsFailingGoesToErrorAfterThreeAttempts() throws Exception {
        try (LogCapture logs = new LogCapture(); RunningNewsdesk newsdesk = RunningNewsdesk.start(dir.resolve("data"))) {
            blockResult(newsdesk, "stuck");
            long dropped = System.nanoTime();
            newsdesk.drop("stuck.txt", Articles.numbered(1));
            newsdesk.drop("fine.txt", Articles.numbered(2));

            newsdesk.awaitResult("fine.txt");
            JsonNode report = awaitReport(newsdesk, "stuck.");
            assertGaveUpAfterThree(report, logs, false);
            // Its second attempt 1 s after the first, its third 2 s after that (newsdesk.article.retry-delay-ms).
            assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            // The original beside its report, none left in the inbox (it is moved once the report is written).
            await().atMost(Duration.ofSeconds(5)).until(() -> newsdesk.files("error").stream()
                    .anyMatch(name -> name.startsWith("stuck.") && name.endsWith(".txt")) && newsdesk.files("inbox").isEmpty());
            // Translated once: the attempts after the first take it from the cache.
            assertThat(newsdesk.deepl.translateRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aJmsWorkerRejectsAnArticleThatKeepsFailing() throws Exception {
        String url = "tcp://127.0.0.1:" + Articles.freePort();
        EmbeddedArtemis broker = new EmbeddedArtemis(dir.resolve("broker"), url);
        broker.start();
        String[] common = {"newsdesk.work-queue", "jms", "newsdesk.jms.broker-url", url};
        try (LogCapture logs = new LogCapture();
             RunningNewsdesk ingest = RunningNewsdesk.start(dir.resolve("data"), WorkerPauseTest.with(common, "newsdesk.role", "ingest"));
             RunningNewsdesk worker = RunningNewsdesk.start(dir.resolve("data"), WorkerPauseTest.with(common, "newsdesk.role", "worker"))) {
            blockResult(ingest, "stuck");
            ingest.drop("stuck.txt", Articles.numbered(3));
            ingest.drop("fine.txt", Articles.numbered(4));

            ingest.awaitResult("fine.txt");
            // On a worker the original is in the ingest node's archive already: the report says why there is no result.
            JsonNode report = awaitReport(ingest, "stuck.txt");
            assertGaveUpAfterThree(report, logs, true);
            assertThat(ingest.files("archive")).hasSize(2);
        } finally {
            broker.stop();
        }
    }

    /** A folder, not empty, where the article's result should go: writing the result fails for this article only. */
    static void blockResult(RunningNewsdesk newsdesk, String stem) throws Exception {
        Files.createDirectories(newsdesk.folder("outbox").resolve(stem + ".json").resolve("in-the-way"));
    }

    static JsonNode awaitReport(RunningNewsdesk newsdesk, String prefix) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> newsdesk.files("error").stream()
                .anyMatch(name -> name.startsWith(prefix) && name.endsWith(".error.json")));
        String name = newsdesk.files("error").stream()
                .filter(n -> n.startsWith(prefix) && n.endsWith(".error.json")).findFirst().orElseThrow();
        return JSON.readTree(newsdesk.folder("error").resolve(name).toFile());
    }

    static void assertGaveUpAfterThree(JsonNode report, LogCapture logs, boolean onWorker) {
        assertThat(report.get("file").asText()).isEqualTo("stuck.txt");
        assertThat(report.get("reason").asText())
                .startsWith("It failed 3 times (newsdesk.article.max-attempts), the last time with GenericFileOperationFailedException")
                .contains("stuck.json");
        List<String> warnings = logs.messages(Level.WARN).stream().filter(m -> m.contains("stuck.txt")).toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("attempt 1 of 3").endsWith(onWorker ? "It goes back on the work queue and is tried again."
                : "It stays in the inbox and is tried again in 1 s.");
        assertThat(warnings.get(1)).contains("attempt 2 of 3").endsWith(onWorker ? "It goes back on the work queue and is tried again."
                : "It stays in the inbox and is tried again in 2 s.");
        assertThat(logs.messages(Level.ERROR)).as("one ERROR, Camel's own not among them")
                .singleElement().asString().startsWith("Rejected stuck.txt: It failed 3 times");
    }
}
