package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.deeplsim.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Desks through the packaged jar: two desks with their own languages, summaries and glossaries at once,
 * and desk and glossary files added, changed, broken and removed while articles flow. Every article is
 * delivered once and billed once, whatever the change.
 */
class DesksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private DeeplSimulator deepl;
    private Path data;
    private Path desks;
    private Path glossaries;
    private Path log;
    private int port;
    private Process process;

    @BeforeEach
    void start() throws Exception {
        deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY);
        data = dir.resolve("data");
        desks = Files.createDirectories(dir.resolve("desks"));
        glossaries = Files.createDirectories(dir.resolve("glossaries"));
        log = dir.resolve("newsdesk.log");
        port = Articles.freePort();
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            JarProcess.stop(process);
        }
        deepl.close();
    }

    @Test
    void desksTranslateIntoTheirOwnLanguagesWithTheirOwnSummariesAndGlossaries() throws Exception {
        glossary("politik.yaml", "dictionaries:\n  - source: DE\n    target: FR\n    entries:\n      \"OVKS\": \"OTSC\"\n");
        // DeepL's own glossary format: source term, target term, source language, target language.
        glossary("wirtschaft.csv", "OVKS,CSTO,de,en\nTokajew,Tokayev,de,en\n");
        desk("politik", "targetLanguage: FR", "summarySentences: 2", "glossary: politik", "formality: less");
        desk("wirtschaft", "summarySentences: 4", "glossary: wirtschaft");
        desk("welt", "sourceLanguage: auto", "targetLanguage: EN-GB", "summarySentences: 1");
        startJar();
        drop("wirtschaft", "putin.txt", Articles.sample());

        drop("politik", "putin.txt", Articles.sample());
        drop("politik", "rat.txt", Articles.numbered(1));
        drop("welt", "conseil.txt", ("Le conseil municipal\n\nLe conseil municipal a voté le budget lundi. La majorité était "
                + "d'accord avec le projet. L'opposition a critiqué les dépenses pour les routes.\n").getBytes(StandardCharsets.UTF_8));
        drop("welt", "rat.txt", Articles.numbered(2));
        drop("welt", "leer.txt", new byte[0]);

        JsonNode putin = result("politik", "putin.json");
        assertThat(putin.at("/desk").asText()).isEqualTo("politik");
        assertThat(putin.at("/language/target").asText()).isEqualTo("FR");
        assertThat(putin.at("/summary/sentences").size()).isEqualTo(2);
        assertThat(putin.at("/translation/text").asText()).contains("OTSC").doesNotContain("OVKS");
        assertThat(putin.at("/translation/glossary/name").asText()).isEqualTo("politik");
        assertThat(putin.at("/translation/glossary/entries").asInt()).isEqualTo(1);
        String glossaryId = putin.at("/translation/glossary/id").asText();
        assertThat(result("politik", "rat.json").at("/translation/glossary/id").asText()).isEqualTo(glossaryId);

        JsonNode english = result("wirtschaft", "putin.json");
        assertThat(english.at("/language/target").asText()).isEqualTo("EN-US");
        assertThat(english.at("/summary/sentences").size()).isEqualTo(4);
        assertThat(english.at("/translation/text").asText()).contains("CSTO", "Tokayev").doesNotContain("OVKS", "Tokajew");
        assertThat(english.at("/translation/glossary/name").asText()).isEqualTo("wirtschaft");
        assertThat(english.at("/translation/glossary/entries").asInt()).isEqualTo(2);
        assertThat(english.at("/translation/glossary/id").asText()).isNotEqualTo(glossaryId);
        assertThat(english.at("/id").asText()).isEqualTo(putin.at("/id").asText());

        JsonNode french = result("welt", "conseil.json");
        assertThat(french.at("/desk").asText()).isEqualTo("welt");
        assertThat(french.at("/language/source").asText()).isEqualTo("FR");
        assertThat(french.at("/language/target").asText()).isEqualTo("EN-GB");
        assertThat(french.at("/summary/sentences").size()).isEqualTo(1);
        assertThat(french.at("/translation/glossary").isMissingNode()).isTrue();
        assertThat(result("welt", "rat.json").at("/language/source").asText()).isEqualTo("DE");
        await().atMost(Duration.ofSeconds(30)).until(() -> names(data.resolve("welt/error")).size() == 2);

        // Each desk's folders hold its own files only; the bad file of one touched no other.
        assertThat(names(data.resolve("politik/outbox"))).containsExactlyInAnyOrder("putin.json", "rat.json");
        assertThat(names(data.resolve("welt/outbox"))).containsExactlyInAnyOrder("conseil.json", "rat.json");
        assertThat(names(data.resolve("politik/error"))).isEmpty();
        assertThat(names(data.resolve("politik/archive"))).hasSize(2);
        // One request per article, the glossary on exactly those of the desk that names it, billed once.
        List<RecordedRequest> requests = deepl.translateRequests();
        assertThat(requests).hasSize(5);
        assertThat(requests).filteredOn(request -> "FR".equalsIgnoreCase(request.targetLang()))
                .hasSize(2).allMatch(request -> glossaryId.equals(param(request, "glossary_id")))
                .allMatch(request -> "less".equals(param(request, "formality")));
        assertThat(requests).filteredOn(request -> "EN-GB".equalsIgnoreCase(request.targetLang()))
                .hasSize(2).allMatch(request -> param(request, "glossary_id") == null && param(request, "formality") == null);
        assertThat(JarProcess.countLines(log, "(desk politik)")).isEqualTo(2);
        assertThat(deepl.glossaryNames()).hasSize(2);
        String metrics = JarProcess.get(port, "/observe/metrics");
        assertThat(metrics).containsPattern("newsdesk_articles_delivered_total\\{[^}]*desk=\"politik\"[^}]*\\} 2\\.0")
                .containsPattern("newsdesk_articles_rejected_total\\{[^}]*desk=\"welt\"[^}]*\\} 1\\.0");

        // One desk's DeepL pause (the quota used up) pauses them all: they share the key.
        deepl.setCharacterLimit(deepl.billedCharacters());
        drop("politik", "quote.txt", Articles.numbered(10));
        awaitLog("quota is used up", 1);
        drop("welt", "wartet.txt", Articles.numbered(11));
        Thread.sleep(2000);
        assertThat(data.resolve("welt/inbox/wartet.txt")).exists();
        assertThat(deepl.translateRequests()).hasSize(6);
        deepl.setCharacterLimit(Long.MAX_VALUE);
        result("politik", "quote.json");
        result("welt", "wartet.json");
    }

    @Test
    void aDeskAddedChangedAndRemovedWhileArticlesFlowLosesAndRepeatsNothing() throws Exception {
        desk("inland");
        startJar();
        Feeder inland = new Feeder("inland", 80).startFeeding();

        desk("sport", "summarySentences: 3");
        awaitLog("Desk sport runs", 1);
        assertSportSummariesHave(3, "a-", 1000);
        desk("sport", "summarySentences: 1");
        awaitLog("Desk sport runs", 2);
        assertSportSummariesHave(1, "b-", 2000);
        // Removed with articles in flight (DeepL slow): each is either delivered or still in the inbox.
        deepl.setLatency(Duration.ofMillis(400));
        for (int i = 0; i < 5; i++) {
            drop("sport", "c-" + i + ".txt", Articles.numbered(3000 + i));
        }
        Thread.sleep(1200);
        Files.delete(desks.resolve("sport.camel.yaml"));
        awaitLog("Desk sport stopped: sport.camel.yaml is gone", 1);
        deepl.setLatency(Duration.ZERO);
        drop("sport", "d-0.txt", Articles.numbered(4000));
        inland.awaitAllDelivered();
        // A DeepL pause and its end resume the running desks, never one that is gone.
        deepl.setCharacterLimit(deepl.billedCharacters());
        drop("inland", "quota.txt", Articles.numbered(4001));
        awaitLog("quota is used up", 1);
        deepl.setCharacterLimit(Long.MAX_VALUE);
        result("inland", "quota.json");
        Thread.sleep(2000);
        for (int i = 0; i < 5; i++) {
            boolean delivered = Files.exists(data.resolve("sport/outbox/c-" + i + ".json"));
            boolean waiting = Files.exists(data.resolve("sport/inbox/c-" + i + ".txt"));
            assertThat(delivered ^ waiting).as("c-%d.txt delivered or waiting, not both, not neither", i).isTrue();
        }
        assertThat(data.resolve("sport/inbox/d-0.txt")).exists();
        assertThat(names(data.resolve("sport/error"))).isEmpty();
        // One request per article delivered, and the one refused (456): none was translated twice.
        assertThat(deepl.translateRequestCount()).isEqualTo(80 + 1 + 1 + names(data.resolve("sport/outbox")).size());
    }

    /**
     * A desk removed is gone from /api/status (which the status page shows) and from the summary line;
     * files of a type Newsdesk does not take are counted per desk as not taken, with one WARN each.
     */
    @Test
    void aRemovedDeskIsGoneFromTheStatusAndTheSummaryAndUnsupportedFilesAreCounted() throws Exception {
        desk("inland");
        desk("sport");
        startJar();
        drop("sport", "a.txt", Articles.numbered(1));
        drop("inland", "b.txt", Articles.numbered(2));
        drop("inland", "report.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        drop("inland", "memo.docx", new byte[] {'P', 'K', 3, 4});
        result("sport", "a.json");
        result("inland", "b.json");
        awaitLog("desk sport: 1 delivered", 1);
        JsonNode inland = await().atMost(Duration.ofSeconds(10)).until(() -> desk(status(), "inland"),
                desk -> desk != null && desk.path("unsupported").asInt() == 2);
        assertThat(inland.path("backlog").asInt()).isZero();
        assertThat(desk(status(), "sport")).isNotNull();
        assertThat(JarProcess.countLines(log, "report.pdf stays in the inbox")).isEqualTo(1);
        assertThat(JarProcess.countLines(log, "memo.docx stays in the inbox")).isEqualTo(1);

        Files.delete(desks.resolve("sport.camel.yaml"));
        awaitLog("Desk sport stopped", 1);
        long linesBefore = Files.readAllLines(log).size();
        drop("inland", "c.txt", Articles.numbered(3));
        result("inland", "c.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readAllLines(log).stream().skip(linesBefore)
                .anyMatch(line -> line.contains("desk inland: 1 delivered")));
        assertThat(Files.readAllLines(log).stream().skip(linesBefore).filter(line -> line.contains("Last 1 s:")))
                .isNotEmpty().noneMatch(line -> line.contains("desk sport"));
        assertThat(desk(status(), "sport")).as("the removed desk on /api/status").isNull();
        assertThat(desk(status(), "inland").path("unsupported").asInt()).isEqualTo(2);
        assertThat(JarProcess.countLines(log, "report.pdf stays in the inbox")).isEqualTo(1);
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(JarProcess.get(port, "/api/status"));
    }

    /** The desk of that name on /api/status, or null. */
    private static JsonNode desk(JsonNode status, String name) {
        for (JsonNode desk : status.path("desks")) {
            if (desk.path("desk").asText().equals(name)) {
                return desk;
            }
        }
        return null;
    }

    @Test
    void aBrokenEditWhileArticlesFlowLeavesEveryDeskAsItWasAndSaysWhatIsWrong() throws Exception {
        desk("inland");
        desk("sport", "summarySentences: 1");
        startJar();
        Feeder inland = new Feeder("inland", 60).startFeeding();
        Feeder sport = new Feeder("sport", 60).startFeeding();

        Files.writeString(desks.resolve("sport.camel.yaml"), "- templatedRoute: [\n");
        awaitLog("sport.camel.yaml", 1);
        write(desks.resolve("sport.camel.yaml"), deskYaml("sport", "summarySentence: 1"));
        awaitLog("unknown parameter 'summarySentence'", 1);
        write(desks.resolve("sport.camel.yaml"), deskYaml("sport", "glossary: fehlt"));
        awaitLog("glossary 'fehlt'", 1);
        // Another desk's file changing must not drop the desks that stayed as they were.
        desk("kultur");
        awaitLog("Desk kultur runs", 1);
        drop("kultur", "k.txt", Articles.numbered(5000));

        inland.awaitAllDelivered();
        sport.awaitAllDelivered();
        result("kultur", "k.json");
        assertThat(JarProcess.countLines(log, "Desk sport runs")).isEqualTo(1);
        assertThat(JarProcess.countLines(log, "Desk inland runs")).isEqualTo(1);
        assertThat(JarProcess.countLines(log, "Desk sport changed")).isZero();
        assertThat(JarProcess.countLines(log, "Running desks stay as they were.")).isEqualTo(3);
        // The sport desk ran on with its old settings throughout.
        try (Stream<Path> results = Files.list(data.resolve("sport/outbox"))) {
            for (Path file : results.toList()) {
                assertThat(JSON.readTree(file.toFile()).at("/summary/sentences").size()).as(file.toString()).isEqualTo(1);
            }
        }
        assertThat(deepl.translateRequestCount()).isEqualTo(121);
    }

    @Test
    void aGlossaryEditedWhileArticlesFlowIsUsedFromThenOnAndTheOldCopyGoes() throws Exception {
        glossary("haus.yaml", "dictionaries:\n  - source: DE\n    target: EN\n    entries:\n      \"OVKS\": \"CSTO\"\n");
        desk("inland", "glossary: haus");
        startJar();
        Feeder inland = new Feeder("inland", 60).startFeeding();
        awaitLog("Translated", 5);

        write(glossaries.resolve("haus.yaml"),
                "dictionaries:\n  - source: DE\n    target: EN\n    entries:\n      \"OVKS\": \"Collective Security Treaty Organization\"\n");
        inland.awaitAllDelivered();
        await().atMost(Duration.ofSeconds(30)).until(() -> deepl.glossaryNames().size() == 1);

        Map<String, String> termById = new HashMap<>();
        int newTerm = 0;
        for (int i = 0; i < 60; i++) {
            JsonNode result = result("inland", "inland-" + i + ".json");
            String text = result.at("/translation/text").asText();
            String term = text.contains("Collective Security Treaty Organization") ? "long" : text.contains("CSTO") ? "short" : "none";
            assertThat(term).as("inland-%d", i).isNotEqualTo("none");
            // The glossary a result names is the one whose term it has.
            String earlier = termById.putIfAbsent(result.at("/translation/glossary/id").asText(), term);
            assertThat(earlier == null || earlier.equals(term)).as("inland-%d", i).isTrue();
            newTerm += term.equals("long") ? 1 : 0;
        }
        assertThat(termById).hasSize(2);
        assertThat(newTerm).isBetween(1, 59);
        assertThat(deepl.translateRequestCount()).isEqualTo(60);

        // The glossary's content is part of the cache key: an article translated before is translated anew.
        Files.write(data.resolve("inland/inbox/again.txt"), Feeder.article("inland", 0));
        assertThat(result("inland", "again.json").at("/translation/text").asText()).contains("Collective Security Treaty Organization");
        assertThat(deepl.translateRequestCount()).isEqualTo(61);
    }

    @Test
    void anArticleTakesItsDesksSettingsToTheWorkerThatTranslatesIt() throws Exception {
        glossary("politik.yaml", "dictionaries:\n  - source: DE\n    target: FR\n    entries:\n      \"OVKS\": \"OTSC\"\n");
        desk("politik", "targetLanguage: FR", "summarySentences: 2", "glossary: politik");
        desk("welt", "sourceLanguage: auto", "targetLanguage: EN-GB", "summarySentences: 1");
        String broker = "tcp://127.0.0.1:" + Articles.freePort();
        Map<String, String> ingest = new HashMap<>(environment());
        ingest.put("NEWSDESK_ROLE", "ingest");
        ingest.put("NEWSDESK_JMS_LISTEN", broker);
        process = JarProcess.start(ingest, log);
        awaitLog("Newsdesk watches", 1);
        // The worker has the glossaries but no desk files of its own.
        Map<String, String> worker = new HashMap<>(environment());
        worker.put("NEWSDESK_ROLE", "worker");
        worker.put("NEWSDESK_JMS_BROKER_URL", broker);
        worker.put("NEWSDESK_DESKS_FOLDER", Files.createDirectories(dir.resolve("no-desks")).toString());
        worker.put("NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort()));
        Path workerLog = dir.resolve("worker.log");
        Process workerProcess = JarProcess.start(worker, workerLog);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(workerLog, "Newsdesk worker takes") == 1);
            drop("politik", "putin.txt", Articles.sample());
            drop("welt", "rat.txt", Articles.numbered(7));

            JsonNode putin = result("politik", "putin.json");
            assertThat(putin.at("/desk").asText()).isEqualTo("politik");
            assertThat(putin.at("/language/target").asText()).isEqualTo("FR");
            assertThat(putin.at("/summary/sentences").size()).isEqualTo(2);
            assertThat(putin.at("/translation/text").asText()).contains("OTSC");
            assertThat(putin.at("/translation/glossary/name").asText()).isEqualTo("politik");
            JsonNode rat = result("welt", "rat.json");
            assertThat(rat.at("/desk").asText()).isEqualTo("welt");
            assertThat(rat.at("/language/target").asText()).isEqualTo("EN-GB");
            assertThat(rat.at("/summary/sentences").size()).isEqualTo(1);
            assertThat(rat.at("/flags").toString()).contains("source-language-detected");
            assertThat(JarProcess.countLines(workerLog, "(desk politik)")).isEqualTo(1);
            assertThat(deepl.translateRequestCount()).isEqualTo(2);
        } finally {
            JarProcess.stop(workerProcess);
        }
    }

    /** Drops articles into a desk's inbox at a steady pace from its own thread, as a wire feed would. */
    private final class Feeder extends Thread {
        private final String desk;
        private final int count;

        Feeder(String desk, int count) {
            super("feeder-" + desk);
            this.desk = desk;
            this.count = count;
            setDaemon(true);
        }

        /** A distinct German article that names the OVKS, so a glossary has a term to replace. */
        static byte[] article(String desk, int n) {
            return ("Meldung " + desk + " " + n + "\n\nDie OVKS hat am Montag über die Lage Nummer " + n + " beraten. "
                    + "Die Mehrheit stimmte dem Entwurf zu. Die Opposition kritisierte die Ausgaben.\n"
                    + "Eine Entscheidung soll im Herbst fallen.\n").getBytes(StandardCharsets.UTF_8);
        }

        Feeder startFeeding() {
            start();
            return this;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < count; i++) {
                    drop(desk, desk + "-" + i + ".txt", article(desk, i));
                    Thread.sleep(60);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private long fed(String folder) throws IOException {
            return names(data.resolve(desk + "/" + folder)).stream().filter(name -> name.startsWith(desk + "-")).count();
        }

        /** Every article fed has its one result, its original is archived, and nothing went to error. */
        void awaitAllDelivered() throws Exception {
            join(Duration.ofSeconds(60).toMillis());
            // The original is archived once its exchange completes, a moment after its result is written.
            await().atMost(Duration.ofSeconds(60)).until(() -> fed("outbox") == count && fed("archive") == count);
            assertThat(names(data.resolve(desk + "/inbox"))).isEmpty();
            assertThat(names(data.resolve(desk + "/error"))).isEmpty();
        }
    }

    /** Five articles dropped into the sport desk get summaries of that many sentences. */
    private void assertSportSummariesHave(int sentences, String prefix, int firstArticle) throws Exception {
        for (int i = 0; i < 5; i++) {
            drop("sport", prefix + i + ".txt", Articles.numbered(firstArticle + i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(result("sport", prefix + i + ".json").at("/summary/sentences").size()).isEqualTo(sentences);
        }
    }

    private void startJar() throws IOException {
        process = JarProcess.start(environment(), log);
        awaitLog("Newsdesk watches", 1);
    }

    private Map<String, String> environment() {
        return Map.of(
                "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                "DEEPL_SERVER_URL", deepl.url(),
                "NEWSDESK_DATA_DIR", data.toString(),
                "NEWSDESK_DESKS_FOLDER", desks.toString(),
                "NEWSDESK_GLOSSARIES_FOLDER", glossaries.toString(),
                "NEWSDESK_DESKS_CHECK_MS", "300",
                "NEWSDESK_INBOX_QUIET_PERIOD_MS", "300",
                "NEWSDESK_DEEPL_PAUSE_CHECK_MS", "300",
                "NEWSDESK_LOG_SUMMARY_MS", "1000",
                "NEWSDESK_MONITORING_PORT", String.valueOf(port));
    }

    /** A desk file with these parameters besides its name ("key: value"). */
    private void desk(String name, String... parameters) throws IOException {
        write(desks.resolve(name + ".camel.yaml"), deskYaml(name, parameters));
    }

    private static String deskYaml(String name, String... parameters) {
        StringBuilder yaml = new StringBuilder("- templatedRoute:\n    routeTemplateRef: desk\n    parameters:\n")
                .append("      - name: desk\n        value: ").append(name).append('\n');
        for (String parameter : parameters) {
            String[] pair = parameter.split(": ", 2);
            yaml.append("      - name: ").append(pair[0]).append("\n        value: \"").append(pair[1]).append("\"\n");
        }
        return yaml.toString();
    }

    private void glossary(String file, String yaml) throws IOException {
        write(glossaries.resolve(file), yaml);
    }

    /** Written aside and renamed in, as an editor saving atomically does. */
    private static void write(Path file, String text) throws IOException {
        Path aside = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(aside, text);
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Into the desk's inbox under a .part name, renamed when whole. */
    private void drop(String desk, String name, byte[] bytes) throws IOException {
        Path inbox = Files.createDirectories(data.resolve(desk).resolve("inbox"));
        Path part = inbox.resolve(name + ".part");
        Files.write(part, bytes);
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private JsonNode result(String desk, String name) throws IOException {
        Path file = data.resolve(desk).resolve("outbox").resolve(name);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        JsonNode result = JSON.readTree(file.toFile());
        assertThat(ResultSchema.violations(result)).as(name).isEmpty();
        return result;
    }

    private void awaitLog(String text, long times) {
        await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, text) >= times);
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).toList());
        }
    }

    private static String param(RecordedRequest request, String name) {
        List<String> values = request.params().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
