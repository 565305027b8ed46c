package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.deeplsim.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the service does when DeepL fails, refuses work or rejects a text (via the DeepL simulator). */
class DeeplFaultsTest {

    private static final List<String> ARTICLES = List.of("eins", "zwei", "drei");

    @TempDir
    java.nio.file.Path dataDir;
    RunningNewsdesk newsdesk;
    final LogCapture logs = new LogCapture();

    @AfterEach
    void stop() {
        if (newsdesk != null) {
            newsdesk.close();
        }
        logs.close();
    }

    /** 429: the client retries each request, the route the whole article; the files wait until DeepL takes more. */
    @Test
    void tooManyRequestsAreRetriedAndEveryFileIsDeliveredOnceWhenDeeplTakesMore() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir, "deepl.max-retries", "1",
                "newsdesk.deepl.redeliveries", "1", "newsdesk.deepl.redelivery-delay-ms", "50");
        newsdesk.deepl.failWith(429);
        dropArticles();

        // One pick-up of a file: 2 attempts of the route, each of 2 tries of the client. The files are
        // worked on side by side, so the second attempts end together, after the 8th request.
        await().atMost(Duration.ofSeconds(20)).until(() -> newsdesk.deepl.translateRequestCount() >= 8
                && logs.messages(Level.WARN, "newsdesk.articles").stream().anyMatch(m -> m.contains(": try 2 of 2 in about")));
        assertWaitingInTheInbox();
        newsdesk.deepl.clearFaults();

        assertDeliveredExactlyOnce();
        assertNothingTranslatedTwice();
        // Failed requests are not billed.
        assertThat(newsdesk.deepl.billedCharacters()).isEqualTo(ARTICLES.stream().mapToLong(a -> text(a).length()).sum());
    }

    /**
     * While DeepL takes no more (429), each try that is tried again logs one line with the file, DeepL's reason and
     * when the next try comes; the last one logs that the file stays in the inbox. Camel's own retry lines name no file.
     */
    @Test
    void eachFailedTryLogsOneLineWithTheFileTheReasonAndTheNextTry() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir, "deepl.max-retries", "0",
                "newsdesk.deepl.redeliveries", "2", "newsdesk.deepl.redelivery-delay-ms", "1000");
        newsdesk.deepl.failWith(429);
        newsdesk.drop("eins.txt", text("eins").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).until(() -> !logs.messages(Level.ERROR, "newsdesk.articles").isEmpty());

        // The first pick-up's tries (a later poll takes the file again and tries it anew).
        List<String> tries = logs.messages(Level.WARN, "newsdesk.articles").stream()
                .filter(m -> m.startsWith("DeepL failed for eins.txt")).limit(3).toList();
        assertThat(tries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tries.get(0)).matches("DeepL failed for eins\\.txt \\(Too many requests.*\\): try 2 of 3 in about 1 s\\.");
        assertThat(tries.get(1)).matches("DeepL failed for eins\\.txt \\(Too many requests.*\\): try 3 of 3 in about 2 s\\.");
        assertThat(tries.subList(2, tries.size())).allMatch(m -> m.contains("try 2 of 3"));
        assertThat(logs.messages(Level.ERROR, "newsdesk.articles")).first().asString()
                .startsWith("DeepL failed for eins.txt (").endsWith("it stays in the inbox (on a worker: on the work queue) and is tried again.");
        assertThat(logs.messages(Level.WARN, "org.apache.camel")).noneMatch(m -> m.contains("Failed delivery"));
        assertThat(newsdesk.files("inbox")).contains("eins.txt");
    }

    /**
     * 5xx after the client's retries, timeouts and refused connections all mean DeepL does not answer: Newsdesk
     * pauses with one ERROR and no line per file, is not ready meanwhile, and delivers every file once DeepL answers.
     */
    @ParameterizedTest(name = "DeepL {0}")
    @ValueSource(strings = {"answering 500", "answering 503", "timing out", "refusing connections"})
    void aDeeplThatDoesNotAnswerPausesNewsdeskOnceAndEveryFileIsDeliveredOnceWhenItAnswers(String fault) throws Exception {
        int port = Articles.freePort();
        boolean refusing = fault.equals("refusing connections");
        // Refusing connections: DeepL on a port nothing listens on, until a simulator comes up there.
        int deeplPort = Articles.freePort();
        newsdesk = RunningNewsdesk.start(dataDir, "deepl.timeout-ms", "300", "newsdesk.monitoring.enabled", "true", "newsdesk.monitoring.port", String.valueOf(port),
                "newsdesk.deepl.unreachable-check-ms", "1000",
                refusing ? "deepl.server-url" : "deepl.max-retries", refusing ? "http://127.0.0.1:" + deeplPort : "0");
        if (fault.equals("timing out")) {
            newsdesk.deepl.setLatency(Duration.ofMillis(1500));
        } else if (!refusing) {
            newsdesk.deepl.failWith(Integer.parseInt(fault.substring("answering ".length())));
        }
        dropArticles();

        await().atMost(Duration.ofSeconds(20)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 503);
        assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("DeepL does not answer");
        assertThat(MonitoringPort.get(port, "/api/status").body()).contains("\"condition\":\"deepl-unreachable\"");
        Thread.sleep(2500);
        assertWaitingInTheInbox();
        assertThat(logs.messages(Level.ERROR)).singleElement().asString().contains("DeepL does not answer")
                .contains("takes no new articles");
        assertThat(logs.messages(Level.WARN)).noneMatch(m -> m.contains("eins.txt"));

        DeeplSimulator deepl = newsdesk.deepl;
        if (refusing) {
            deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY, deeplPort);
        } else {
            deepl.clearFaults();
        }
        try {
            assertDeliveredExactlyOnce();
            // A request that timed out may still have been answered, and billed, after Newsdesk stopped waiting.
            if (!fault.equals("timing out")) {
                assertThat(deepl.translateRequests().stream().filter(r -> r.status() == 200)
                        .map(RecordedRequest::texts).flatMap(List::stream).toList()).doesNotHaveDuplicates();
            }
        } finally {
            if (refusing) {
                deepl.close();
            }
        }
        // Said to be over once DeepL has kept answering for a while.
        await().atMost(Duration.ofSeconds(15)).until(() -> !logs.messages(Level.INFO, "newsdesk.state").isEmpty());
        assertThat(logs.messages(Level.INFO, "newsdesk.state")).singleElement().asString().startsWith("Over after")
                .contains("takes new articles again");
        assertThat(logs.messages(Level.ERROR)).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 200);
    }

    @Test
    void usedUpQuotaPausesTheInboxWithOneErrorAndResumesWhenQuotaIsBack() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deepl.pause-check-ms", "200");
        newsdesk.deepl.setCharacterLimit(0);
        dropArticles();

        await().atMost(Duration.ofSeconds(10)).until(() -> !logs.messages(Level.ERROR, "newsdesk").isEmpty());
        // Several re-checks pass while the quota is still used up.
        Thread.sleep(1000);
        assertWaitingInTheInbox();
        // Only the articles already on their way when the first 456 came back (they are worked on side by side).
        assertThat(newsdesk.deepl.translateRequestCount()).as("no file is tried while paused").isBetween(1, ARTICLES.size());
        assertThat(logs.messages(Level.ERROR, "newsdesk")).singleElement().asString()
                .contains("quota is used up (456)").contains("0 of 0 characters used");
        newsdesk.drop("vier.txt", text("vier").getBytes(StandardCharsets.UTF_8));

        newsdesk.deepl.setCharacterLimit(1_000_000);

        assertDeliveredExactlyOnce();
        newsdesk.awaitResult("vier.txt");
        assertNothingTranslatedTwice();
        // The usage line at start (ask-deepl-for-its-usage) is INFO from newsdesk.deepl too.
        await().atMost(Duration.ofSeconds(15)).until(() -> !logs.messages(Level.INFO, "newsdesk.state").isEmpty());
        assertThat(logs.messages(Level.INFO, "newsdesk.state")).singleElement().asString().contains("quota is used up (456)");
        assertThat(logs.messages(Level.ERROR, "newsdesk")).hasSize(1);
    }

    @Test
    void aRefusedKeyPausesTheInboxWithOneClearErrorAndResumesWhenTheKeyIsAcceptedAgain() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deepl.pause-check-ms", "200");
        newsdesk.deepl.setAuthKey("another-key");
        dropArticles();

        await().atMost(Duration.ofSeconds(10)).until(() -> !logs.messages(Level.ERROR, "newsdesk").isEmpty());
        Thread.sleep(1000);
        assertWaitingInTheInbox();
        // Only the articles already on their way when the first 403 came back (they are worked on side by side).
        assertThat(newsdesk.deepl.translateRequestCount()).isBetween(1, ARTICLES.size());
        assertThat(logs.messages(Level.ERROR)).singleElement().asString()
                .contains("refuses the API key (403)").contains("DEEPL_AUTH_KEY")
                .doesNotContain(RunningNewsdesk.AUTH_KEY);

        newsdesk.deepl.setAuthKey(RunningNewsdesk.AUTH_KEY);

        assertDeliveredExactlyOnce();
        assertThat(logs.messages(Level.ERROR)).hasSize(1);
    }

    /** deepl-java reports 400 as "Bad request" and 413 as "Unknown error"; both mean: this text, never again. */
    @ParameterizedTest(name = "DeepL answering {0}")
    @ValueSource(ints = {400, 413})
    void aTextDeeplRejectsSendsOnlyThatFileToErrorWithDeeplsMessage(int status) throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir);
        newsdesk.deepl.rejectTextsContaining("Sperrvermerk", status,
                status == 400 ? "Value for 'text' not supported." : "Request size exceeds the limit.");
        newsdesk.drop("gesperrt.txt", "Ein Artikel mit Sperrvermerk, den DeepL nicht übersetzt.".getBytes(StandardCharsets.UTF_8));
        dropArticles();

        assertDeliveredExactlyOnce();
        List<String> errors = newsdesk.awaitFileStartingWith("error", "gesperrt.");
        String report = Files.readString(newsdesk.folder("error").resolve(
                errors.stream().filter(n -> n.endsWith(".error.json")).findFirst().orElseThrow()));
        JsonNode json = new ObjectMapper().readTree(report);
        assertThat(json.get("reason").asText()).startsWith("DeepL refused to translate the text:")
                .contains(status == 400 ? "Value for 'text' not supported." : "Request size exceeds the limit.");
        assertThat(json.get("kind").asText()).isEqualTo("ContentRejectedException");
        assertThat(errors).hasSize(2);
        assertThat(newsdesk.deepl.translateRequests()).filteredOn(r -> r.status() == status).hasSize(1);
    }

    /** A 400 about target_lang is the setting's fault, not the file's: every file would meet it. */
    @Test
    void aRefusedLanguageSettingPausesTheInboxInsteadOfBlamingTheFiles() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deepl.pause-check-ms", "200");
        // DeepL stops offering the configured target language after Newsdesk has started.
        newsdesk.deepl.withdrawLanguage("EN-US");
        dropArticles();

        await().atMost(Duration.ofSeconds(10)).until(() -> !logs.messages(Level.ERROR, "newsdesk").isEmpty());
        Thread.sleep(1000);
        assertWaitingInTheInbox();
        assertThat(logs.messages(Level.ERROR, "newsdesk")).singleElement().asString()
                .contains("DeepL refuses the setting NEWSDESK_TARGET_LANGUAGE ('EN-US')")
                .contains("Value for 'target_lang' not supported.");

        newsdesk.deepl.clearFaults();

        assertDeliveredExactlyOnce();
        assertThat(logs.messages(Level.ERROR, "newsdesk")).hasSize(1);
    }

    private void dropArticles() throws Exception {
        for (String name : ARTICLES) {
            newsdesk.drop(name + ".txt", text(name).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(String name) {
        return "Die Regierung hat am Montag über Meldung " + name + " beraten.";
    }

    private void assertWaitingInTheInbox() {
        assertThat(newsdesk.files("inbox")).containsAll(ARTICLES.stream().map(a -> a + ".txt").toList());
        assertThat(newsdesk.files("outbox")).isEmpty();
        assertThat(newsdesk.files("error")).isEmpty();
    }

    private void assertDeliveredExactlyOnce() {
        for (String name : ARTICLES) {
            JsonNode result = newsdesk.awaitResult(name + ".txt");
            assertThat(ResultSchema.violations(result)).isEmpty();
            assertThat(newsdesk.awaitFileStartingWith("archive", name + ".")).filteredOn(n -> n.startsWith(name + ".")).hasSize(1);
        }
        assertThat(newsdesk.files("outbox")).filteredOn(n -> ARTICLES.contains(n.replace(".json", ""))).hasSize(ARTICLES.size());
        await().atMost(Duration.ofSeconds(5)).until(() -> newsdesk.files("inbox").isEmpty());
    }

    /** Requests DeepL answered (a timed-out one may have been answered, and billed, too late to count). */
    private void assertNothingTranslatedTwice() {
        assertThat(newsdesk.deepl.translateRequests().stream().filter(r -> r.status() == 200)
                .map(RecordedRequest::texts).flatMap(List::stream).toList()).doesNotHaveDuplicates();
    }
}
