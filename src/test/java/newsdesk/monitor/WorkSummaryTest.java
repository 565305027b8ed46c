package newsdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
            newsdesk.deepl.failNext(503, 1);
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
}
