package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import newsdesk.broker.EmbeddedArtemis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose DeepL quota is used up stops taking articles off the work queue, says so once,
 * and carries on by itself when quota is back; the article waits on the queue meanwhile. JMS here,
 * Kafka in {@link KafkaTest}.
 */
class WorkerPauseTest {

    @TempDir
    Path dir;

    @Test
    void aJmsWorkerPausesWhileDeeplRefusesWork() throws Exception {
        String url = "tcp://127.0.0.1:" + Articles.freePort();
        EmbeddedArtemis broker = new EmbeddedArtemis(dir.resolve("broker"), url);
        broker.start();
        String[] common = {"newsdesk.work-queue", "jms", "newsdesk.jms.broker-url", url, "newsdesk.deepl.pause-check-ms", "300"};
        try (RunningNewsdesk ingest = RunningNewsdesk.start(dir.resolve("data"), with(common, "newsdesk.role", "ingest"));
             RunningNewsdesk worker = RunningNewsdesk.start(dir.resolve("data"), with(common, "newsdesk.role", "worker"))) {
            pausesAndResumes(ingest, worker);
        } finally {
            broker.stop();
        }
    }

    /** Drops three articles at the ingest node while the worker's DeepL has no quota left, then gives it quota. */
    static void pausesAndResumes(RunningNewsdesk ingest, RunningNewsdesk worker) throws Exception {
        try (LogCapture logs = new LogCapture()) {
            worker.deepl.setCharacterLimit(0);
            for (int i = 0; i < 3; i++) {
                ingest.drop("pause-" + i + ".txt", Articles.numbered(300 + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !logs.messages(Level.ERROR, "newsdesk.state").isEmpty());
            await().atMost(Duration.ofSeconds(30)).until(() -> ingest.files("archive").size() == 3);
            Thread.sleep(1500);
            // Only the articles already on their way when the first 456 came back (a worker has several in flight).
            assertThat(worker.deepl.translateRequestCount()).as("no article is tried while paused").isBetween(1, 3);
            assertThat(ingest.files("outbox")).isEmpty();
            assertThat(ingest.files("error")).isEmpty();

            worker.deepl.setCharacterLimit(Long.MAX_VALUE);

            await().atMost(Duration.ofSeconds(60)).until(() -> ingest.files("outbox").size() == 3);
            for (int i = 0; i < 3; i++) {
                assertThat(ingest.awaitResult("pause-" + i + ".txt").at("/id").asText())
                        .isEqualTo(Articles.sha256(Articles.numbered(300 + i)));
            }
            assertThat(logs.messages(Level.ERROR, "newsdesk.state")).singleElement().asString().contains("quota is used up (456)");
            // Said to be over once DeepL has kept accepting work for a while.
            await().atMost(Duration.ofSeconds(15)).until(() -> !logs.messages(Level.INFO, "newsdesk.state").isEmpty());
            assertThat(logs.messages(Level.INFO, "newsdesk.state")).singleElement().asString().startsWith("Over after");
        }
    }

    static String[] with(String[] common, String... more) {
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }
}
