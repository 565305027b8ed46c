package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/newsdesk.jar demo --data DIR}: a translated sample without a DeepL key, clearly marked as the simulator's. */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void translatesTheSampleWithTheSimulatorPrintsItsResultAndKeepsRunningForMoreFiles() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("out.log");
        int monitoringPort = Articles.freePort();
        Process process = JarProcess.startCommand(Map.of("NEWSDESK_MONITORING_PORT", String.valueOf(monitoringPort)),
                log, "demo", "--data", data.toString());
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(log).contains("Stop with Ctrl-C."));
            String output = Files.readString(log);
            assertThat(output).contains("*** DEEPL SIMULATOR: TRANSLATIONS COME FROM THE PROJECT'S DEEPL SIMULATOR, NOT FROM DEEPL");

            // The printed result is the one in the outbox.
            String result = line(output, "  result:  ");
            JsonNode json = JSON.readTree(Path.of(result).toFile());
            assertThat(Path.of(result).getParent()).isEqualTo(data.resolve("outbox"));
            assertThat(ResultSchema.violations(json)).isEmpty();
            assertThat(json.at("/translation/engine").asText()).isEqualTo("simulator");
            assertThat(line(output, "  engine:  ")).startsWith("simulator");
            assertThat(line(output, "  summary: ")).isEqualTo(json.at("/summary/text").asText()).isNotBlank();
            assertThat(line(output, "  title:   ")).isEqualTo(json.at("/title").isTextual()
                    ? json.at("/title").asText() : "(none: the article has no title line)");
            assertThat(output).contains("Drop your own German articles (*.htm, *.html, *.json, *.markdown, *.md, *.txt, *.xml, "
                            + "each also .gz) into " + data.resolve("inbox"),
                    "Status page: http://127.0.0.1:" + monitoringPort + "/   Stop with Ctrl-C.");

            // It keeps running: a file of one's own is translated too, and marked the same way.
            Files.write(data.resolve("inbox/mine.txt"), Articles.numbered(7));
            Path mine = data.resolve("outbox/mine.json");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(mine));
            assertThat(JSON.readTree(mine.toFile()).at("/translation/engine").asText()).isEqualTo("simulator");
            // The simulator's WARN is said once, at start, not again with each result.
            await().atMost(Duration.ofSeconds(10)).until(() -> JarProcess.countLines(log, "Translated mine.txt") == 1);
            assertThat(JarProcess.countLines(log, "*** DEEPL SIMULATOR")).isEqualTo(1);
        } finally {
            assertThat(JarProcess.stop(process)).isZero();
        }
    }

    @Test
    void withoutDataItsTemporaryDataFolderIsRemovedWhenItStops() throws Exception {
        Path log = dir.resolve("out.log");
        Process process = JarProcess.startCommand(Map.of("NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())),
                log, "demo");
        Path data;
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(log).contains("Stop with Ctrl-C."));
            data = Path.of(line(Files.readString(log), "  result:  ")).getParent().getParent();
            assertThat(data.getFileName().toString()).startsWith("newsdesk-demo-");
            // The sample's original moves to archive/ just after its result is written.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (Stream<Path> archived = Files.list(data.resolve("archive"))) {
                    return archived.findAny().isPresent();
                }
            });
        } finally {
            assertThat(JarProcess.stop(process)).isZero();
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void withOnceItStopsAfterTheSampleWithExitCodeZero() throws Exception {
        Path data = dir.resolve("data");

        JarProcess.Run run = JarProcess.run(Path.of("").toAbsolutePath(), Map.of("NEWSDESK_MONITORING_PORT", "0"),
                "demo", "--once", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path result = Path.of(line(run.out(), "  result:  "));
        assertThat(JSON.readTree(result.toFile()).at("/translation/engine").asText()).isEqualTo("simulator");
        assertThat(run.out()).doesNotContain("Stop with Ctrl-C.", "Drop your own");
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in:\n" + output))
                .substring(prefix.length());
    }
}
