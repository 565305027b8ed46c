package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes share one data folder: only the elected leader polls the inbox, and the other takes over when it stops. */
class LeaderElectionTest {

    @TempDir
    Path dataDir;

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

            leader.close();
            for (int i = 10; i < 15; i++) {
                standby.drop("n" + i + ".txt", Articles.numbered(i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> standby.files("outbox").size() == 15);
            assertThat(standby.deepl.translateRequestCount()).isEqualTo(5);
        } finally {
            first.close();
        }
    }
}
