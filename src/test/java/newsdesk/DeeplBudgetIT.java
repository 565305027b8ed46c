package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DeepL budget through the jar: a WARN at 80 %, at 100 % one ERROR and no new articles (they stay
 * in the inbox, nothing goes to error/), and the ledger in the data folder still counts after a restart.
 */
class DeeplBudgetIT {

    private static final int BUDGET = 2500;

    @TempDir
    Path dir;

    @Test
    void stopsTakingArticlesOnceTheMonthlyBudgetIsUsedUpAndRemembersItAcrossARestart() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            // DeepL's own quota, far above Newsdesk's budget: /v2/usage reports it, and the budget stops work first.
            deepl.setCharacterLimit(500_000);
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            int port = Articles.freePort();
            Map<String, String> env = Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(port),
                    "NEWSDESK_DEEPL_BUDGET_MONTHLY_CHARS", String.valueOf(BUDGET));
            long billed;
            Process process = JarProcess.start(env, log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("DeepL account: 0 of 500000 characters"));
                drop(data, "a", 1);
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(data.resolve("outbox/a.json")));
                assertThat(Files.readString(log)).doesNotContain("DeepL budget");

                drop(data, "b", 2);
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(data.resolve("outbox/b.json")));
                billed = deepl.billedCharacters();
                assertThat(billed).isGreaterThanOrEqualTo(BUDGET);
                await().atMost(Duration.ofSeconds(10)).until(() -> JarProcess.countLines(log, "ERROR") == 1);
                assertThat(JarProcess.countLines(log, "WARN") + " WARN lines").isEqualTo("1 WARN lines");
                assertThat(lineWith(log, "WARN")).contains("DeepL budget of the billing month").contains(" of " + BUDGET);
                assertThat(lineWith(log, "ERROR")).contains("Newsdesk takes no new articles")
                        .contains("the DeepL budget of the billing month is used up (" + billed + " of " + BUDGET);

                drop(data, "c", 3);
                Thread.sleep(4000);
                assertThat(data.resolve("inbox/c.txt")).exists();
                assertThat(data.resolve("error")).isEmptyDirectory();
                assertThat(deepl.billedCharacters()).isEqualTo(billed);
                assertThat(JarProcess.get(port, "/observe/metrics"))
                        .containsPattern("newsdesk_deepl_budget_used_month_characters\\{[^}]*} " + billed + "\\.0")
                        .containsPattern("newsdesk_deepl_budget_remaining_month_characters\\{[^}]*} 0\\.0")
                        .containsPattern("newsdesk_deepl_budget_projected_month_characters\\{[^}]*} \\d")
                        .containsPattern("newsdesk_deepl_account_limit_characters\\{[^}]*} 500000\\.0");
            } finally {
                JarProcess.stop(process);
            }

            // The ledger is in the data folder: a new start (or another node on it) knows the budget is spent.
            Files.writeString(log, "");
            Process again = JarProcess.start(env, log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(log, "Newsdesk takes no new articles") == 1);
                Thread.sleep(2000);
                assertThat(data.resolve("inbox/c.txt")).exists();
                assertThat(data.resolve("error")).isEmptyDirectory();
                assertThat(deepl.billedCharacters()).isEqualTo(billed);
                assertThat(JarProcess.countLines(log, "ERROR")).isEqualTo(1);
            } finally {
                JarProcess.stop(again);
            }
        }
    }

    /** An article of about 1,500 characters; each {@code n} its own text, so none comes from the cache. */
    private static void drop(Path data, String name, int n) throws Exception {
        StringBuilder text = new StringBuilder("Haushalt " + n + "\n\n");
        for (int i = 0; i < 20; i++) {
            text.append("Die Regierung hat am Montag über den Haushalt ").append(n).append(" und Punkt ").append(i)
                    .append(" beraten.\n\n");
        }
        Path draft = data.resolve(name + ".tmp");
        Files.writeString(draft, text, StandardCharsets.UTF_8);
        Files.move(draft, data.resolve("inbox/" + name + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String lineWith(Path log, String text) throws Exception {
        return Files.readAllLines(log).stream().filter(line -> line.contains(text)).findFirst().orElseThrow();
    }
}
