package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ingest node with no worker yet says what it is, and its status page shows the articles waiting on the work queue. */
class IngestNodeIT {

    @TempDir
    Path dir;

    @Test
    void saysItIsAnIngestNodeAndShowsTheWorkQueuesDepth() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("ingest.log");
        int port = Articles.freePort();
        // No DeepL key: an ingest node translates nothing. The embedded broker keeps the queue; no worker takes from it.
        Process ingest = JarProcess.start(Map.of("NEWSDESK_ROLE", "ingest", "NEWSDESK_DATA_DIR", data.toString(),
                "NEWSDESK_INBOX_QUIET_PERIOD_MS", "200", "NEWSDESK_MONITORING_PORT", String.valueOf(port)), log);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
            assertThat(JarProcess.countLines(log, "Ready as an ingest node (it translates nothing: the workers do); status: http://127.0.0.1:"
                    + port + "/")).isEqualTo(1);
            assertThat(workQueue(port)).isZero();

            for (int i = 0; i < 3; i++) {
                Files.write(data.resolve("inbox/queued-" + i + ".txt"), Articles.numbered(i));
            }
            // The original is archived once the broker has the article.
            await().atMost(Duration.ofSeconds(30)).until(() -> archived(data) == 3);
            assertThat(workQueue(port)).isEqualTo(3);
            JsonNode node = status(port).get("node");
            assertThat(node.get("role").asText()).isEqualTo("ingest");
            assertThat(node.get("inboxLeader").asBoolean()).isTrue();
        } finally {
            assertThat(JarProcess.stop(ingest)).isZero();
        }
    }

    private static long workQueue(int port) throws Exception {
        JsonNode queue = status(port).at("/node/workQueue");
        assertThat(queue.isNumber()).as("workQueue in /api/status: " + queue).isTrue();
        return queue.asLong();
    }

    private static JsonNode status(int port) throws Exception {
        return new ObjectMapper().readTree(JarProcess.get(port, "/api/status"));
    }

    private static long archived(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("archive"))) {
            return files.count();
        }
    }
}
