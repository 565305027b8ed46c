package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two jar processes share one data folder: one polls the inbox; when it is killed the other takes over. */
class LeaderFailoverIT {

    @TempDir
    Path dir;

    @Test
    void onlyOneProcessPollsAndTheOtherTakesOverWhenItIsKilled() throws Exception {
        Path data = dir.resolve("data");
        Path logA = dir.resolve("a.log");
        Path logB = dir.resolve("b.log");
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Process a = JarProcess.start(env(data, deepl), logA, "-Xmx256m");
            Process b = JarProcess.start(env(data, deepl), logB, "-Xmx256m");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        JarProcess.countLines(logA, "Newsdesk watches") == 1 && JarProcess.countLines(logB, "Newsdesk watches") == 1);
                for (int i = 0; i < 10; i++) {
                    drop(data, "first-" + i + ".txt", Articles.numbered(i));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> results(data) == 10);
                // The log line follows the result file by a moment.
                await().atMost(Duration.ofSeconds(10)).until(() -> translated(logA) + translated(logB) >= 10);
                long byA = translated(logA);
                long byB = translated(logB);
                assertThat(byA + byB).isEqualTo(10);
                assertThat(byA == 0 || byB == 0).as("one process did all the work: %d + %d", byA, byB).isTrue();
                Process leader = byA > 0 ? a : b;
                Path standbyLog = byA > 0 ? logB : logA;
                // Each says at start which it is: the standby's ready line says so, the leader's does not.
                String standby = "; standby: another node leads the inbox, and this one takes over if it stops";
                assertThat(JarProcess.countLines(standbyLog, standby)).as("the standby's ready line").isEqualTo(1);
                assertThat(JarProcess.countLines(byA > 0 ? logA : logB, standby)).as("the leader's ready line").isZero();

                leader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                long killedAt = System.nanoTime();
                for (int i = 10; i < 15; i++) {
                    drop(data, "second-" + i + ".txt", Articles.numbered(i));
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> results(data) == 15);

                // The log line follows the result file by a moment.
                await().atMost(Duration.ofSeconds(10)).until(() -> translated(standbyLog) >= 5);
                assertThat(translated(standbyLog)).isEqualTo(5);
                System.out.printf("Leader failover: the standby delivered 5 more results %.1f s after the leader was killed%n",
                        (System.nanoTime() - killedAt) / 1e9);
            } finally {
                a.destroy();
                b.destroy();
                a.waitFor(60, TimeUnit.SECONDS);
                b.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, String> env(Path data, DeeplSimulator deepl) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSDESK_DATA_DIR", data.toString());
        env.put("NEWSDESK_INBOX_QUIET_PERIOD_MS", "200");
        env.put("NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort()));
        env.put("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY);
        env.put("DEEPL_SERVER_URL", deepl.url());
        return env;
    }

    private static void drop(Path data, String name, byte[] content) throws Exception {
        Path hidden = data.resolve("inbox").resolve("." + name + ".part");
        Files.write(hidden, content);
        Files.move(hidden, data.resolve("inbox").resolve(name));
    }

    private static long results(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static long translated(Path log) {
        return JarProcess.countLines(log, "newsdesk.articles - Translated ");
    }
}
