package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DeepL budget through the jar. Each request's characters are set aside in the ledger before it is
 * sent, so 10 articles arriving at once never bill more than the budget, on one node or two sharing the
 * data folder: the articles it does not cover wait (in the inbox, or on the work queue), nothing goes to
 * error/, and one ERROR says so. The ledger is in the data folder, so a restart still knows.
 */
class DeeplBudgetIT {

    private static final int BUDGET = 6000;
    private static final int ARTICLES = 10;

    @TempDir
    Path dir;
    Path data;
    DeeplSimulator deepl;
    final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void startSimulator() throws IOException {
        data = dir.resolve("data");
        deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY);
        // DeepL's own quota, far above Newsdesk's budget: /v2/usage reports it, and the budget stops work first.
        deepl.setCharacterLimit(500_000);
        // Requests overlap, as with the real DeepL, so several articles ask for the budget at once.
        deepl.setLatency(Duration.ofMillis(300));
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : processes) {
            JarProcess.stop(process);
        }
        deepl.close();
    }

    @Test
    void tenArticlesAtOnceNeverBillMoreThanTheMonthlyBudgetAndARestartRemembersIt() throws Exception {
        Path log = dir.resolve("out.log");
        int port = Articles.freePort();
        Map<String, String> env = env(port);
        processes.add(JarProcess.start(env, log));
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("DeepL account: 0 of 500000 characters"));

        dropArticles();
        await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk takes no new articles") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> deepl.inFlight() == 0 && count("outbox") + count("inbox") == ARTICLES);
        Thread.sleep(3000);
        long billed = deepl.billedCharacters();
        long delivered = count("outbox");
        assertThat(billed).isLessThanOrEqualTo(BUDGET).isGreaterThan(BUDGET - 2 * articleCharacters());
        assertThat(delivered).isBetween(1L, ARTICLES - 1L);
        assertThat(deepl.translateRequestCount()).as("one request per delivered article").isEqualTo((int) delivered);
        assertThat(count("inbox")).isEqualTo(ARTICLES - delivered);
        assertThat(data.resolve("error")).isEmptyDirectory();
        assertThat(JarProcess.countLines(log, "ERROR")).isEqualTo(1);
        assertThat(JarProcess.countLines(log, "DeepL budget of the billing month from")).as("the 80 % WARN").isEqualTo(1);
        assertThat(lineWith(log, "ERROR")).contains("DeepL budget of the billing month is used up")
                .contains(" of " + BUDGET + " characters");
        assertThat(JarProcess.get(port, "/api/status")).contains("\"condition\":\"budget-used-up\"");
        assertThat(MonitoringPort.get(port, "/observe/health/ready").statusCode()).isEqualTo(503);
        assertThat(JarProcess.get(port, "/observe/metrics"))
                .containsPattern("newsdesk_deepl_budget_used_month_characters\\{[^}]*} " + billed + "\\.0")
                .containsPattern("newsdesk_deepl_account_limit_characters\\{[^}]*} 500000\\.0");
        JarProcess.stop(processes.remove(0));

        // The ledger is in the data folder: a new start (or another node on it) knows the budget is spent.
        Files.writeString(log, "");
        processes.add(JarProcess.start(env, log));
        await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(log, "Newsdesk takes no new articles") == 1);
        Thread.sleep(2000);
        assertThat(count("inbox")).isEqualTo(ARTICLES - delivered);
        assertThat(data.resolve("error")).isEmptyDirectory();
        assertThat(deepl.billedCharacters()).isEqualTo(billed);
        assertThat(JarProcess.countLines(log, "ERROR")).isEqualTo(1);
    }

    /** Two workers on one data folder draw on one budget at once: together they stay within it. */
    @Test
    void twoWorkersSharingTheDataFolderTogetherStayWithinTheBudget() throws Exception {
        String broker = "tcp://127.0.0.1:" + Articles.freePort();
        Map<String, String> ingest = env(Articles.freePort());
        ingest.put("NEWSDESK_ROLE", "ingest");
        ingest.put("NEWSDESK_JMS_LISTEN", broker);
        Path ingestLog = dir.resolve("ingest.log");
        processes.add(JarProcess.start(ingest, ingestLog));
        await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(ingestLog, "Newsdesk watches") == 1);
        List<Path> workerLogs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Map<String, String> worker = env(Articles.freePort());
            worker.put("NEWSDESK_ROLE", "worker");
            worker.put("NEWSDESK_JMS_BROKER_URL", broker);
            Path log = dir.resolve("worker-" + name + ".log");
            workerLogs.add(log);
            processes.add(JarProcess.start(worker, log));
        }
        for (Path log : workerLogs) {
            await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(log, "Newsdesk worker takes") == 1);
        }

        dropArticles();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("archive") == ARTICLES);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                workerLogs.stream().anyMatch(log -> JarProcess.countLines(log, "Newsdesk takes no new articles") == 1));
        Thread.sleep(5000);
        long billed = deepl.billedCharacters();
        long delivered = count("outbox");
        assertThat(billed).isLessThanOrEqualTo(BUDGET).isGreaterThan(BUDGET - 2 * articleCharacters());
        assertThat(deepl.translateRequestCount()).as("one request per delivered article").isEqualTo((int) delivered);
        assertThat(delivered).isBetween(1L, ARTICLES - 1L);
        // Each worker asked the budget: it translated articles, or was refused by what the other had set aside.
        assertThat(workerLogs).allSatisfy(log -> assertThat(JarProcess.countLines(log, "newsdesk.articles - Translated ")
                + JarProcess.countLines(log, "[budget-used-up]")).as("articles %s took", log).isPositive());
        assertThat(data.resolve("error")).isEmptyDirectory();
        for (Path log : workerLogs) {
            assertThat(JarProcess.countLines(log, "ERROR")).as(log.getFileName() + " ERROR lines").isLessThanOrEqualTo(1);
        }
    }

    /**
     * A ledger damaged by hand or by a full disk (not numbers, a number that overflows, a negative count,
     * a last line without its newline): each damaged line is skipped with one WARN naming file and line,
     * the work goes on, and /api/status answers.
     */
    @Test
    void aDamagedLedgerIsReadAroundAndTheWorkGoesOn() throws Exception {
        Path ledger = Files.createDirectories(data.resolve("budget"))
                .resolve("deepl-" + LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1) + ".ledger");
        long now = Instant.now().getEpochSecond();
        Files.writeString(ledger, now + " 100\nabc def\n" + now + " 99999999999999999999999\n" + now + " -5000000\n" + now
                + " 1" + now + " 15\n" + now + " 40", StandardCharsets.US_ASCII);
        Path log = dir.resolve("out.log");
        int port = Articles.freePort();
        Map<String, String> env = env(port);
        env.remove("NEWSDESK_DEEPL_BUDGET_MONTHLY_CHARS");
        processes.add(JarProcess.start(env, log));
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
        long linesAtStart = Files.readAllLines(log).size();

        for (int n = 0; n < 6; n++) {
            Files.writeString(data.resolve(n + ".tmp"), article(n), StandardCharsets.UTF_8);
            Files.move(data.resolve(n + ".tmp"), data.resolve("inbox/a" + n + ".txt"), StandardCopyOption.ATOMIC_MOVE);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("outbox") == 6);
        String status = JarProcess.get(port, "/api/status");
        Thread.sleep(2000);

        assertThat(status).contains("\"usedThisMonth\":" + (140 + deepl.billedCharacters()));
        assertThat(JarProcess.countLines(log, "of the DeepL budget ledger " + ledger + " is damaged")).isEqualTo(4);
        assertThat(JarProcess.countLines(log, "Line 2 of the DeepL budget ledger")).isEqualTo(1);
        assertThat(Files.readAllLines(log).size() - linesAtStart).as("log lines for 6 articles").isLessThanOrEqualTo(60);
        assertThat(JarProcess.countLines(log, "ERROR")).isZero();
        assertThat(data.resolve("error")).isEmptyDirectory();
    }

    private Map<String, String> env(int monitoringPort) {
        Map<String, String> env = new HashMap<>();
        env.put("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY);
        env.put("DEEPL_SERVER_URL", deepl.url());
        env.put("NEWSDESK_DATA_DIR", data.toString());
        env.put("NEWSDESK_MONITORING_PORT", String.valueOf(monitoringPort));
        env.put("NEWSDESK_DEEPL_BUDGET_MONTHLY_CHARS", String.valueOf(BUDGET));
        return env;
    }

    /** Ten articles of about 1,400 characters each, renamed into the inbox one after the other. */
    private void dropArticles() throws IOException {
        for (int n = 0; n < ARTICLES; n++) {
            Path draft = data.resolve(n + ".tmp");
            Files.writeString(draft, article(n), StandardCharsets.UTF_8);
            Files.move(draft, data.resolve("inbox/a" + n + ".txt"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Each {@code n} its own text, so none comes from the cache. */
    private static String article(int n) {
        StringBuilder text = new StringBuilder("Haushalt " + n + "\n\n");
        for (int i = 0; i < 20; i++) {
            text.append("Die Regierung hat am Montag über den Haushalt ").append(n).append(" und Punkt ").append(i)
                    .append(" beraten.\n\n");
        }
        return text.toString();
    }

    /** What DeepL bills for an article: the code points of its paragraphs. */
    private static long articleCharacters() {
        return article(9).replace("\n", "").codePointCount(0, article(9).replace("\n", "").length());
    }

    private long count(String folder) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve(folder))) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).count();
        }
    }

    private static String lineWith(Path log, String text) throws Exception {
        return Files.readAllLines(log).stream().filter(line -> line.contains(text)).findFirst().orElseThrow();
    }
}
