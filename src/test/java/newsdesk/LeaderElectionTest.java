package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes share one data folder: only the elected leader polls the inbox, and the other takes over when it stops. */
class LeaderElectionTest {

    @TempDir
    Path dataDir;

    final LogCapture logs = new LogCapture();

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void onlyTheLeaderPollsAndAnotherNodeTakesOverWhenItStops() throws Exception {
        RunningNewsdesk first = RunningNewsdesk.start(dataDir, "newsdesk.leader.check-ms", "500");
        try (RunningNewsdesk second = RunningNewsdesk.start(dataDir, "newsdesk.leader.check-ms", "500")) {
            for (int i = 0; i < 10; i++) {
                first.drop("n" + i + ".txt", Articles.numbered(i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> first.files("outbox").size() == 10);

            int byFirst = first.deepl.translateRequestCount();
            int bySecond = second.deepl.translateRequestCount();
            assertThat(byFirst + bySecond).isEqualTo(10);
            assertThat(byFirst == 0 || bySecond == 0).as("one node did all the work, %d + %d", byFirst, bySecond).isTrue();
            RunningNewsdesk leader = byFirst > 0 ? first : second;
            RunningNewsdesk standby = leader == first ? second : first;
            // Which node leads shows on /observe/metrics, and the log said when it took the lead.
            assertThat(leaderGauge(leader)).isEqualTo(1.0);
            assertThat(leaderGauge(standby)).isEqualTo(0.0);
            assertThat(logs.messages(Level.INFO, "newsdesk.ingest.InboxLeader"))
                    .containsExactly("This node now leads the inbox: it polls " + dataDir.resolve("inbox")
                            + " (of the nodes sharing the data folder, only the leader does).");

            leader.close();
            for (int i = 10; i < 15; i++) {
                standby.drop("n" + i + ".txt", Articles.numbered(i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> standby.files("outbox").size() == 15);
            assertThat(standby.deepl.translateRequestCount()).isEqualTo(5);
            assertThat(leaderGauge(standby)).isEqualTo(1.0);
            assertThat(logs.messages(Level.INFO, "newsdesk.ingest.InboxLeader")).hasSize(2);
        } finally {
            first.close();
        }
    }

    /** newsdesk_inbox_leader of a node, as /observe/metrics shows it. */
    private static double leaderGauge(RunningNewsdesk node) {
        return MicrometerUtils.getOrCreateMeterRegistry(node.camel().getRegistry(), MicrometerConstants.METRICS_REGISTRY_NAME)
                .get("newsdesk.inbox.leader").gauge().value();
    }

    /**
     * While DeepL refuses the leader's work its inbox consumer is suspended, not stopped, so it keeps the lock:
     * the standby, which shares its key in real life, does not take the inbox only to be refused too.
     */
    @Test
    void aLeaderPausedByDeeplKeepsTheInboxAndDeliversOnceDeeplAcceptsWorkAgain() throws Exception {
        String[] settings = {"newsdesk.leader.check-ms", "500", "newsdesk.deepl.pause-check-ms", "200"};
        RunningNewsdesk first = RunningNewsdesk.start(dataDir, settings);
        try (RunningNewsdesk second = RunningNewsdesk.start(dataDir, settings)) {
            first.drop("n0.txt", Articles.numbered(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> first.files("outbox").size() == 1);
            RunningNewsdesk leader = first.deepl.translateRequestCount() > 0 ? first : second;
            RunningNewsdesk standby = leader == first ? second : first;

            leader.deepl.setCharacterLimit(0);
            for (int i = 1; i < 4; i++) {
                first.drop("n" + i + ".txt", Articles.numbered(i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> leader.deepl.translateRequestCount() > 1);
            // Longer than a standby waits for a silent leader (5 intervals of 500 ms).
            Thread.sleep(4000);
            assertThat(standby.deepl.translateRequestCount()).isZero();
            assertThat(first.files("inbox")).contains("n1.txt", "n2.txt", "n3.txt");

            leader.deepl.setCharacterLimit(1_000_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.files("outbox").size() == 4);
            assertThat(standby.deepl.translateRequestCount()).isZero();
        } finally {
            first.close();
        }
    }
}
