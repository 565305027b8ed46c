package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile desk files through the packaged jar (docs/desks.md, folder rules): folders shared with the desk's own
 * or another desk's, URI options and placeholders in a folder, a symbolic link to another desk's inbox, a
 * rename to a running desk's name. Each is one ERROR naming its file; the running desks go on as they were.
 */
class DeskFoldersIT {

    @TempDir
    Path dir;

    @Test
    void noDeskStartsOnOverlappingFoldersOrUriSyntaxAndTheRunningDesksGoOn() throws Exception {
        Path data = dir.resolve("data");
        Path desks = Files.createDirectories(dir.resolve("desks"));
        Path log = dir.resolve("newsdesk.log");
        Files.copy(Path.of("routes/desks/default.camel.yaml"), desks.resolve("default.camel.yaml"));
        DesksIT.write(desks.resolve("x8.camel.yaml"), DesksIT.deskYaml("x8"));
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Process process = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_DESKS_FOLDER", desks.toString(),
                    "NEWSDESK_DESKS_CHECK_MS", "300",
                    "NEWSDESK_INBOX_QUIET_PERIOD_MS", "300",
                    "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())), log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
                Files.createSymbolicLink(dir.resolve("x8-inbox-link"), data.resolve("x8/inbox"));
                Map<String, String> hostile = Map.of(
                        "own-archive", DesksIT.deskYaml("own-archive", "inbox: " + dir.resolve("oa/archive"), "archive: " + dir.resolve("oa/archive")),
                        "own-error", DesksIT.deskYaml("own-error", "inbox: " + dir.resolve("oe/error"), "error: " + dir.resolve("oe/error")),
                        "own-outbox", DesksIT.deskYaml("own-outbox", "inbox: " + dir.resolve("oo/box"), "outbox: " + dir.resolve("oo/box")),
                        "onto-default", DesksIT.deskYaml("onto-default", "inbox: " + data.resolve("outbox")),
                        "inj", DesksIT.deskYaml("inj", "inbox: " + dir.resolve("inj?preMove=" + dir.resolve("premoved"))),
                        "key", DesksIT.deskYaml("key", "inbox: " + dir.resolve("k-{{env:DEEPL_AUTH_KEY}}")),
                        "link", DesksIT.deskYaml("link", "inbox: " + dir.resolve("x8-inbox-link")));
                for (Map.Entry<String, String> file : hostile.entrySet()) {
                    DesksIT.write(desks.resolve(file.getKey() + ".camel.yaml"), file.getValue());
                }
                DesksIT.write(desks.resolve("x8.camel.yaml"), DesksIT.deskYaml("default"));
                await().atMost(Duration.ofSeconds(30)).until(() -> JarProcess.countLines(log, "Running desks stay as they were.") >= 8);
                drop(data.resolve("inbox"), "a.txt");
                drop(data.resolve("x8/inbox"), "b.txt");

                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(data.resolve("outbox/a.json"))
                        && Files.exists(data.resolve("x8/outbox/b.json")));
                Thread.sleep(2000);
                assertThat(data.resolve("outbox/a.json")).as("default's result stays in its outbox").exists();
                List<String> lines = Files.readAllLines(log);
                for (String file : hostile.keySet()) {
                    assertThat(lines.stream().filter(line -> line.contains(" ERROR ") || line.contains("ERROR"))
                            .filter(line -> line.contains(desks.resolve(file + ".camel.yaml").toString())))
                            .as("one ERROR naming " + file).hasSize(1);
                    assertThat(lines).as("desk " + file + " never runs").noneMatch(line -> line.contains("Desk " + file + " runs"));
                }
                assertThat(lines.stream().filter(line -> line.contains(desks.resolve("x8.camel.yaml").toString()))).hasSize(1)
                        .allMatch(line -> line.contains("desk 'default' is in default.camel.yaml already"));
                assertThat(lines).noneMatch(line -> line.contains(RunningNewsdesk.AUTH_KEY));
                try (Stream<Path> all = Files.walk(dir)) {
                    assertThat(all.map(Path::toString)).noneMatch(path -> path.contains(RunningNewsdesk.AUTH_KEY))
                            .noneMatch(path -> path.contains("preMove")).noneMatch(path -> path.contains("premoved"));
                }
            } finally {
                JarProcess.stop(process);
            }
        }
    }

    private static void drop(Path inbox, String name) throws IOException {
        Path part = Files.createDirectories(inbox).resolve(name + ".part");
        Files.write(part, Articles.sample());
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
