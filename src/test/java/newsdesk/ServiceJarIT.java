package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user starts it: {@code java -jar target/newsdesk.jar} from the project root. */
class ServiceJarIT {

    @TempDir
    Path dataDir;

    @Test
    void withoutAKeyItStopsWithOneClearLineAndExitCode2() throws Exception {
        Path log = dataDir.resolve("out.log");
        Process process = NewsdeskProcess.start(log, Map.of("NEWSDESK_DATA_DIR", dataDir.resolve("data").toString())).process();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        String output = Files.readString(log);
        assertThat(output).contains("ERROR").contains("DEEPL_AUTH_KEY is not set");
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void translatesTheSampleAndStopsCleanlyOnSigterm() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dataDir.resolve("data");
            Path log = dataDir.resolve("out.log");
            Process process = NewsdeskProcess.start(log, Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString())).process();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                assertThat(data.resolve("inbox")).isDirectory();
                Files.copy(Path.of("src/test/resources/articles/de-putin-tokayev.txt"), data.resolve("inbox/de-putin-tokayev.txt"));

                Path result = data.resolve("outbox/de-putin-tokayev.json");
                await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(result));
                JsonNode json = new ObjectMapper().readTree(result.toFile());
                assertThat(ResultSchema.violations(json)).isEmpty();
                await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).contains("Translated de-putin-tokayev.txt"));
            } finally {
                process.destroy();
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Files.readString(log)).doesNotContain(RunningNewsdesk.AUTH_KEY);
        }
    }
}
