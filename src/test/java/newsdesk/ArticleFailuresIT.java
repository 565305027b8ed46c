package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as README starts it, with an article whose delivery fails for a reason of its own (a folder, not empty,
 * stands where its result goes): it is tried three times (newsdesk.article.max-attempts), then it is in error/ with
 * its reason, in at most three WARN or ERROR lines and no stack trace, while the next article is delivered.
 */
class ArticleFailuresIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void anArticleThatKeepsFailingEndsInErrorAfterThreeAttempts() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = root.resolve("data");
            Path log = root.resolve("newsdesk.log");
            Files.createDirectories(data.resolve("outbox/stuck.json/in-the-way"));
            Process newsdesk = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())), log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
                long linesBefore = Files.readAllLines(log).size();
                drop(data, "stuck.txt", Articles.numbered(1));
                drop(data, "next.txt", Articles.numbered(2));

                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(data.resolve("outbox/next.json")));
                await().atMost(Duration.ofSeconds(60)).until(() -> names(data.resolve("error")).stream()
                        .anyMatch(name -> name.startsWith("stuck.") && name.endsWith(".error.json")));
                String report = names(data.resolve("error")).stream()
                        .filter(name -> name.startsWith("stuck.") && name.endsWith(".error.json")).findFirst().orElseThrow();
                JsonNode reason = JSON.readTree(data.resolve("error").resolve(report).toFile());
                assertThat(reason.get("file").asText()).isEqualTo("stuck.txt");
                assertThat(reason.get("reason").asText())
                        .startsWith("It failed 3 times (newsdesk.article.max-attempts), the last time with ")
                        .contains("stuck.json");
                assertThat(names(data.resolve("error"))).contains(report.substring(0, report.length() - ".error.json".length()));
                assertThat(names(data.resolve("inbox"))).isEmpty();

                // Nothing more comes of it: no further attempt once it is in error/.
                Thread.sleep(3000);
                List<String> lines = Files.readAllLines(log).stream().skip(linesBefore).toList();
                assertThat(lines).filteredOn(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                        .hasSizeLessThanOrEqualTo(3)
                        .anyMatch(line -> line.contains(" ERROR ") && line.contains("Rejected stuck.txt: It failed 3 times"));
                assertThat(lines).filteredOn(line -> line.contains("stuck.txt failed (attempt ")).hasSize(2);
                assertThat(lines).noneMatch(line -> line.contains("\tat ") || line.contains("Message History"));
                // Translated once: the later attempts found it in the cache.
                assertThat(deepl.translateRequestCount()).isEqualTo(2);
            } finally {
                assertThat(JarProcess.stop(newsdesk)).isZero();
            }
        }
    }

    private static void drop(Path data, String name, byte[] content) throws Exception {
        Path draft = data.resolve(name + ".tmp");
        Files.write(draft, content);
        Files.move(draft, data.resolve("inbox").resolve(name));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).toList();
        }
    }
}
