package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox lock in {@code <data-dir>/cluster/} through the jar, on a node alone on its data folder: a lock
 * it can take over it takes (an empty folder in its place, a leader record with a heartbeat in 2100, the
 * record a failed start left), and one it cannot is named in one ERROR with readiness DOWN until it is
 * removed. Never a node that says Ready and polls nothing.
 */
class InboxLockIT {

    @TempDir
    Path dir;
    Path data;
    Path cluster;
    Path log;
    int port;
    DeeplSimulator deepl;
    Process process;

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        cluster = Files.createDirectories(data.resolve("cluster"));
        log = dir.resolve("out.log");
        port = Articles.freePort();
        deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (process != null) {
            JarProcess.stop(process);
        }
        deepl.close();
    }

    @Test
    void anEmptyFolderInTheLockFilesPlaceIsReplacedAndTheNodeDelivers() throws Exception {
        Files.createDirectory(cluster.resolve("newsdesk-inbox"));
        start();
        assertDelivers("a");
        assertThat(JarProcess.countLines(log, "was an empty folder: replaced by a file")).isEqualTo(1);
        assertThat(JarProcess.countLines(log, "ERROR")).isZero();
    }

    @Test
    void aLockThatCannotBeUsedIsNamedInOneErrorWithReadinessDownUntilItIsRemoved() throws Exception {
        Path lock = Files.createDirectory(cluster.resolve("newsdesk-inbox"));
        Files.writeString(lock.resolve("note.txt"), "someone's file");
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 503);
        assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("is a folder with files in it");
        assertThat(MonitoringPort.get(port, "/observe/health/live").statusCode()).isEqualTo(200);
        assertThat(JarProcess.countLines(log, "ERROR")).isEqualTo(1);
        assertThat(JarProcess.countLines(log, "This node cannot lead the inbox")).isEqualTo(1);

        Files.delete(lock.resolve("note.txt"));
        Files.delete(lock);
        assertDelivers("a");
        await().atMost(Duration.ofSeconds(10)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 200);
        assertThat(JarProcess.countLines(log, "ERROR")).isEqualTo(1);
    }

    @Test
    void aLeaderRecordWithAHeartbeatInTheYear2100DoesNotKeepALoneNodeFromLeading() throws Exception {
        // Camel's record: the leader's id (36 bytes), its heartbeat interval and its last heartbeat, in ms.
        ByteBuffer record = ByteBuffer.allocate(52);
        record.put(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        record.putLong(2000).putLong(Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
        Files.write(cluster.resolve("newsdesk-inbox.dat"), record.array());
        Files.createFile(cluster.resolve("newsdesk-inbox"));
        start();
        assertDelivers("a");
    }

    /** A start that fails (no DeepL key: exit 2) leaves no lock behind that holds up the next start. */
    @Test
    void aFailedStartLeavesNoLockBehindAndTheNextStartLeadsAtOnce() throws Exception {
        JarProcess.Run failed = JarProcess.run(Path.of("."), Map.of("NEWSDESK_DATA_DIR", data.toString(),
                "NEWSDESK_MONITORING_PORT", String.valueOf(port)));
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.out() + failed.err()).contains("DEEPL_AUTH_KEY");
        drop("a");
        start();
        long ready = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(data.resolve("outbox/a.json")));
        // Leading at once rather than after the failed start's heartbeat aged (5 intervals of 2 s).
        assertThat(Duration.ofNanos(System.nanoTime() - ready)).isLessThan(Duration.ofSeconds(6));
    }

    private void start() throws Exception {
        process = JarProcess.start(Map.of("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY, "DEEPL_SERVER_URL", deepl.url(),
                "NEWSDESK_DATA_DIR", data.toString(), "NEWSDESK_MONITORING_PORT", String.valueOf(port)), log);
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
    }

    private void drop(String name) throws Exception {
        Path hidden = Files.createDirectories(data.resolve("inbox")).resolve("." + name + ".part");
        Files.write(hidden, Articles.sample());
        Files.move(hidden, data.resolve("inbox/" + name + ".txt"));
    }

    private void assertDelivers(String name) throws Exception {
        drop(name);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(data.resolve("outbox/" + name + ".json")));
        assertThat(JarProcess.countLines(log, "This node now leads the inbox")).isEqualTo(1);
    }
}
