package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translation cache damaged, through the jar: deleted while Newsdesk runs, or cut short while it is stopped. Work
 * goes on, and one WARN says what was lost (nothing, or texts that are then billed again), never silence.
 */
class CacheDamageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARTICLE = Path.of("src/test/resources/articles/de-putin-tokayev.txt");

    @TempDir
    Path dir;

    @Test
    void aCacheFolderDeletedWhileRunningIsWrittenAnewAndNothingIsBilledTwice() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            whileRunning(deepl, data, log, () -> {
                deliver(data, "eins.txt", Files.readAllBytes(ARTICLE));
                long billedOnce = deepl.billedCharacters();
                deleteRecursively(data.resolve("cache"));

                // The next translation finds the file gone and writes what the cache holds to a new one.
                deliver(data, "zwei.txt", Articles.numbered(1));
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("was deleted while Newsdesk ran"));
                long billedBoth = deepl.billedCharacters();

                JsonNode again = deliver(data, "eins-wieder.txt", Files.readAllBytes(ARTICLE));
                assertThat(again.at("/translation/cached").asBoolean()).isTrue();
                assertThat(deepl.billedCharacters()).isEqualTo(billedBoth).isGreaterThan(billedOnce);
                assertThat(JarProcess.countLines(log, "translation cache")).isEqualTo(1);
            });
        }
    }

    @Test
    void aCacheFileCutShortWhileStoppedIsSaidOnceAndItsTextsAreTranslatedAgain() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            whileRunning(deepl, data, dir.resolve("out.log"), () -> deliver(data, "eins.txt", Files.readAllBytes(ARTICLE)));
            Path file = data.resolve("cache/translations.mv.db");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() / 2);
            }

            Path secondLog = dir.resolve("second.log");
            whileRunning(deepl, data, secondLog, () -> {
                JsonNode again = deliver(data, "eins-wieder.txt", Files.readAllBytes(ARTICLE));
                assertThat(ResultSchema.violations(again)).isEmpty();
                String said = Files.readString(secondLog);
                assertThat(said).containsAnyOf("cut short or damaged", "cannot be read");
                assertThat(JarProcess.countLines(secondLog, "translation cache")).isEqualTo(1);
                assertThat(said).doesNotContain("Exception").doesNotContain("\tat ");
            });
        }
    }

    private interface WhileRunning {
        void run() throws Exception;
    }

    /** Starts the jar on the data folder, does what is asked while it runs, and stops it. */
    private static void whileRunning(DeeplSimulator deepl, Path data, Path log, WhileRunning action) throws Exception {
        Process process = JarProcess.start(Map.of(
                "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                "DEEPL_SERVER_URL", deepl.url(),
                "NEWSDESK_DATA_DIR", data.toString(),
                "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())), log);
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
            action.run();
        } finally {
            JarProcess.stop(process);
        }
    }

    /** Renamed into the inbox whole, as a wire feed does; its result once delivered. */
    private static JsonNode deliver(Path data, String name, byte[] bytes) throws IOException {
        Path part = Files.write(data.resolve("inbox/" + name + ".part"), bytes);
        Files.move(part, data.resolve("inbox/" + name));
        Path result = data.resolve("outbox/" + name.replace(".txt", ".json"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        return JSON.readTree(result.toFile());
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
