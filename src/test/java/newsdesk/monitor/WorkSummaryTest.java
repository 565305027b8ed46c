package newsdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsdesk.LogCapture;
import newsdesk.RunningNewsdesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkSummaryTest {

    @Test
    void oneLineAfterWorkWithTheRetryAndTheBacklogAndNoneWhileIdle(@TempDir Path dataDir) throws Exception {
        try (LogCapture log = new LogCapture();
             RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.log.summary-ms", "1000",
                     "newsdesk.deepl.redelivery-delay-ms", "100")) {
            // A 429 is redelivered per article (a 503 would pause Newsdesk instead).
            newsdesk.deepl.failNext(429, 1);
            newsdesk.drop("one.txt", Files.readAllBytes(Path.of("src/test/resources/articles/de-putin-tokayev.txt")));
            newsdesk.awaitResult("one");
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.messages(Level.INFO, "newsdesk.summary").isEmpty());
            // A file that is not taken (hidden) stays; it is not backlog.
            Files.writeString(newsdesk.folder("inbox").resolve(".hidden.txt"), "x", StandardCharsets.UTF_8);
            Thread.sleep(2500);

            List<String> lines = log.messages(Level.INFO, "newsdesk.summary");
            assertThat(String.join("\n", lines)).contains("1 delivered, 0 rejected, 0 waiting")
                    .contains(newsdesk.deepl.billedCharacters() + " characters billed")
                    .contains("1 retries").contains("Inbox backlog: 0 files.");
            assertThat(lines).as("no line for the idle seconds after").hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void eachDeskHasItsPartOfTheLine(@TempDir Path dir) throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        ArticleCounters counters = new ArticleCounters(registry, "newsdesk");
        Path politicsInbox = Files.createDirectories(dir.resolve("politics/inbox"));
        Path sportInbox = Files.createDirectories(dir.resolve("sport/inbox"));
        Files.writeString(sportInbox.resolve("waiting.txt"), "Ein Bericht.");
        counters.register("politics");
        counters.register("sport");
        DeeplAnswerTimes answers = new DeeplAnswerTimes();
        answers.answered(100, 200_000_000);
        WorkSummary summary = new WorkSummary(() -> registry, answers, new RetryCount(),
                () -> Map.of("politics", politicsInbox, "sport", sportInbox), 60_000);
        counters.delivered("politics");
        counters.delivered("politics");
        counters.delivered("sport");
        counters.rejected("sport");
        counters.billed(100);

        try (LogCapture log = new LogCapture()) {
            summary.log();
            assertThat(log.messages(Level.INFO, "newsdesk.summary")).containsExactly("Last 60 s: desk politics: 2 delivered, "
                    + "0 rejected, 0 waiting; desk sport: 1 delivered, 1 rejected, 1 waiting. DeepL: 100 characters billed, "
                    + "1 answers (p50 200 ms, p95 200 ms), 0 retries. Inbox backlog: 1 files.");
        }
    }
}
