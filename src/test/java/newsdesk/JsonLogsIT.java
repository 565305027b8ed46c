package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with NEWSDESK_LOG_FORMAT=json: every line one JSON object, and every line an article causes
 * (Newsdesk's, the retry line, the translation check's WARN) names the article; the work summary
 * line adds up what was done.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The DeepL simulator leaves this paragraph German enough to read as German: untranslated-text. */
    private static final String STAYS_GERMAN = "Als unsere Kinder damals durch diese Straßen gingen, wollten sie dort "
            + "bleiben, weil ihnen alles dort gefiel, doch ihre Eltern waren dagegen, denn diese mussten bis in die Nacht "
            + "arbeiten, ohne dass jemand ihnen half, wenn sie unter solchen Lasten litten, sondern jeder seine eigene Sorge hatte.";

    private static final Pattern SUMMARY = Pattern.compile("Last 2 s: desk default: (\\d+) delivered, (\\d+) rejected, (\\d+) waiting\\. "
            + "DeepL: (\\d+) characters billed, (\\d+) answers \\(p50 (\\d+) ms, p95 (\\d+) ms\\), (\\d+) retries\\. Inbox backlog: \\d+ files\\.");

    @TempDir
    Path dir;

    /** A name with a right-to-left override and line and paragraph separators: escaped as \\uXXXX, as in the text lines. */
    @Test
    void controlCharactersOfFileNamesAreEscapedAsInTheTextLines() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            Process process = JarProcess.start(Map.of(
                    "NEWSDESK_LOG_FORMAT", "json",
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())), log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                String hostile = "leer\u202Eenil\u2028zeile\u2029\u007f.txt";
                Files.write(data.resolve("inbox").resolve(hostile), new byte[0]);
                await().atMost(Duration.ofSeconds(30)).until(() -> jsonLines(log).stream()
                        .anyMatch(line -> line.get("message").asText().contains("Rejected " + hostile)));
                assertThat(Files.readString(log)).doesNotContain("\u202E").doesNotContain("\u2028").doesNotContain("\u2029")
                        .doesNotContain("\u007f").contains("leer\\u202eenil\\u2028zeile\\u2029\\u007f.txt");
            } finally {
                JarProcess.stop(process);
            }
        }
    }

    @Test
    void everyLineIsJsonAndTheArticlesLinesCarryItsIdFileAndDesk() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            int monitoringPort = Articles.freePort();
            Process process = JarProcess.start(Map.of(
                    "NEWSDESK_LOG_FORMAT", "json",
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "DEEPL_MAX_RETRIES", "0",
                    "NEWSDESK_DEEPL_REDELIVERY_DELAY_MS", "200",
                    "NEWSDESK_LOG_SUMMARY_MS", "2000",
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(monitoringPort)), log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                // The first DeepL request is refused as too many (429): Camel tries the article again and logs that it does.
                deepl.failNext(429, 1);
                Path draft = dir.resolve("kinder.txt");
                Files.writeString(draft, "Kinder in der Stadt\n\nDie Regierung hat am Montag über neue Spielplätze beraten.\n\n"
                        + STAYS_GERMAN + "\n", StandardCharsets.UTF_8);
                Files.move(draft, data.resolve("inbox/kinder.txt"), StandardCopyOption.ATOMIC_MOVE);

                Path result = data.resolve("outbox/kinder.json");
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(result));
                JsonNode json = JSON.readTree(result.toFile());
                assertThat(json.get("flags")).extracting(JsonNode::asText).contains("untranslated-text");
                assertThat(ResultSchema.violations(json)).isEmpty();
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("Translated kinder.txt"));
                assertThat(JarProcess.get(monitoringPort, "/observe/metrics"))
                        .containsPattern("newsdesk_translation_flags_total\\{[^}]*flag=\"untranslated-text\"[^}]*} 1\\.0")
                        .containsPattern("newsdesk_translation_flags_total\\{[^}]*flag=\"numbers-changed\"[^}]*} 0\\.0");

                String id = json.get("id").asText();
                List<JsonNode> lines = jsonLines(log);
                assertThat(lines).allSatisfy(line -> {
                    assertThat(line.fieldNames()).toIterable().contains("time", "level", "logger", "thread", "message");
                    assertThat(Instant.parse(line.get("time").asText())).isBefore(Instant.now());
                });
                List<JsonNode> aboutTheFile = lines.stream().filter(line -> line.get("message").asText().contains("kinder.txt")).toList();
                assertThat(aboutTheFile).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> {
                    assertThat(line.path("articleFile").asText()).isEqualTo("kinder.txt");
                    assertThat(line.path("desk").asText()).isEqualTo("default");
                });
                JsonNode translated = only(lines, "newsdesk.articles", "Translated kinder.txt");
                assertThat(translated.path("articleId").asText()).isEqualTo(id);
                JsonNode check = only(lines, "newsdesk.checks", "untranslated-text");
                assertThat(check.get("level").asText()).isEqualTo("WARN");
                assertThat(check.path("articleId").asText()).isEqualTo(id);
                assertThat(check.path("articleFile").asText()).isEqualTo("kinder.txt");
                JsonNode retry = only(lines, "newsdesk.articles", "DeepL failed for kinder.txt");
                assertThat(retry.get("level").asText()).isEqualTo("WARN");
                assertThat(retry.path("articleId").asText()).isEqualTo(id);
                assertThat(retry.path("articleFile").asText()).isEqualTo("kinder.txt");

                // The work summary: the article, its bill and its retry, over however many summaries they fell in.
                await().atMost(Duration.ofSeconds(10)).until(() -> summed(jsonLines(log), 1) == 1);
                List<JsonNode> afterwards = jsonLines(log);
                assertThat(summed(afterwards, 4)).isEqualTo(json.at("/translation/billedCharacters").asLong());
                assertThat(summed(afterwards, 5)).as("DeepL answers").isEqualTo(deepl.translateRequestCount() - 1);
                assertThat(summed(afterwards, 8)).as("retries").isEqualTo(1);
                assertThat(summed(afterwards, 2)).as("rejected").isZero();
            } finally {
                JarProcess.stop(process);
            }
            assertThat(Files.readString(log)).doesNotContain(RunningNewsdesk.AUTH_KEY);
        }
    }

    /** A figure of the work summary lines (1 delivered, 2 rejected, 4 billed, 5 answers, 8 retries), added up. */
    private static long summed(List<JsonNode> lines, int figure) {
        long sum = 0;
        for (JsonNode line : lines) {
            Matcher summary = SUMMARY.matcher(line.get("message").asText());
            if (line.get("logger").asText().equals("newsdesk.summary") && summary.matches()) {
                sum += Long.parseLong(summary.group(figure));
            }
        }
        return sum;
    }

    /** The log's JSON lines (the JVM itself may write a plain line or two to the same output). */
    private static List<JsonNode> jsonLines(Path log) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            } else {
                assertThat(line).as("a line not in JSON").doesNotContain("kinder").doesNotContain("newsdesk");
            }
        }
        return lines;
    }

    private static JsonNode only(List<JsonNode> lines, String loggerPrefix, String messagePart) {
        List<JsonNode> found = lines.stream()
                .filter(line -> line.get("logger").asText().startsWith(loggerPrefix) && line.get("message").asText().contains(messagePart))
                .toList();
        assertThat(found).as("lines from %s with %s", loggerPrefix, messagePart).hasSize(1);
        return found.get(0);
    }
}
