package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder that takes no writes, through the jar as README starts it: its disk full (an 8 MB tmpfs filled
 * with dd while articles arrive), and an outbox the service's user may not write to. Each is one paused state:
 * readiness 503 with the reason, a few log lines instead of one per file and retry, nothing in error/, no
 * half-written result left behind and nothing billed twice; once the folder takes writes again every waiting
 * article is delivered exactly once, without a restart. Then an archive closed to that user: its original
 * stays in the inbox and is archived once the folder opens, not billed again.
 */
class StorageFaultsIT {

    @TempDir
    Path dir;

    @Test
    void aFullDataDiskPausesOnceAndEveryArticleIsDeliveredOnceWhenSpaceIsFreed() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", data.toString())
                .redirectErrorStream(true).start();
        String mountOutput = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "an 8 MB tmpfs cannot be mounted here (needs root and mount rights): " + mountOutput);
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path log = dir.resolve("newsdesk.log");
            int port = Articles.freePort();
            Process newsdesk = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(port)), log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
                // Staged on the same disk, so each is renamed in whole.
                Path staging = Files.createDirectories(data.resolve("staging"));
                List<String> names = new ArrayList<>();
                long sourceCharacters = 0;
                for (int i = 0; i < 30; i++) {
                    String name = String.format("artikel-%02d.txt", i);
                    String text = article(i);
                    Files.writeString(staging.resolve(name), text, StandardCharsets.UTF_8);
                    names.add(name);
                    sourceCharacters += text.lines().mapToInt(String::length).sum();
                }

                int linesBefore = lines(log);
                long faultStart = System.nanoTime();
                Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + data.resolve("filler"), "bs=64k")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (String name : names) {
                    Files.move(staging.resolve(name), data.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(20);
                }
                assertThat(dd.waitFor(30, TimeUnit.SECONDS)).as("dd fills the disk").isTrue();

                await().atMost(Duration.ofSeconds(40).minusNanos(System.nanoTime() - faultStart))
                        .until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 503);
                System.out.printf("Readiness 503 %.1f s after the disk began to fill%n", (System.nanoTime() - faultStart) / 1e9);
                assertThat(MonitoringPort.get(port, "/observe/health/ready").body()).contains("No space left on device");
                assertThat(MonitoringPort.get(port, "/api/status").body()).contains("storage-unwritable");
                Thread.sleep(Math.max(0, Duration.ofSeconds(40).toMillis() - (System.nanoTime() - faultStart) / 1_000_000));
                List<String> duringFault = Files.readAllLines(log).subList(linesBefore, lines(log));
                System.out.printf("%d log lines in the 40 s of the full disk, of them WARN or ERROR:%n%s%n", duringFault.size(),
                        String.join("\n", duringFault.stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList()));
                assertThat(duringFault.size()).as("log lines in the 40 s of the full disk:\n%s", String.join("\n", duringFault))
                        .isLessThanOrEqualTo(100);
                assertThat(String.join("\n", duringFault)).doesNotContain("Message History").doesNotContain("\tat ");
                assertThat(list(data.resolve("error"))).isEmpty();

                Files.delete(data.resolve("filler"));
                long freed = System.nanoTime();
                try {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                            .until(() -> list(data.resolve("outbox")).size() >= names.size() && list(data.resolve("inbox")).isEmpty());
                } catch (ConditionTimeoutException e) {
                    // What was left where, and what Newsdesk said after the space came back: the data folder is gone after the test.
                    List<String> after = Files.readAllLines(log);
                    System.out.printf("Not all delivered 60 s after the space was freed. inbox %s, outbox %s, error %s; the log since:%n%s%n",
                            list(data.resolve("inbox")), list(data.resolve("outbox")), list(data.resolve("error")),
                            String.join("\n", after.subList(Math.min(linesBefore, after.size()), after.size())));
                    throw e;
                }
                System.out.printf("All %d delivered %.1f s after the space was freed%n", names.size(),
                        (System.nanoTime() - freed) / 1e9);
                Thread.sleep(2000);

                List<String> expected = names.stream().map(name -> name.replace(".txt", ".json")).sorted().toList();
                assertThat(list(data.resolve("outbox"))).as("the outbox holds the results and nothing else").isEqualTo(expected);
                assertThat(list(data.resolve("archive"))).hasSize(names.size());
                assertThat(list(data.resolve("error"))).isEmpty();
                for (String name : names) {
                    assertThat(JarProcess.countLines(log, "Translated " + name + " ")).as("deliveries of %s", name).isEqualTo(1);
                }
                System.out.printf("Billed %d characters for %d source characters%n", deepl.billedCharacters(), sourceCharacters);
                assertThat(deepl.billedCharacters()).as("billed, for %d source characters", sourceCharacters)
                        .isLessThanOrEqualTo(sourceCharacters * 102 / 100);
                assertThat(JarProcess.countLines(log, "Newsdesk watches")).as("no restart").isEqualTo(1);
                assertThat(newsdesk.isAlive()).isTrue();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == 200);
            } finally {
                JarProcess.stop(newsdesk);
            }
        } finally {
            new ProcessBuilder("umount", "-l", data.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOutboxTheServiceMayNotWriteToIsOneStateAndItsArticlesAreDeliveredOnceItIsWritable() throws Exception {
        Path data = JarProcess.dataFolderForOrdinaryUser(dir, dir.resolve("data"));
        Path outbox = data.resolve("outbox");
        Path archive = data.resolve("archive");
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path log = dir.resolve("newsdesk.log");
            int port = Articles.freePort();
            Map<String, String> env = new HashMap<>(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(port)));
            // Root may write anywhere: the service runs as nobody, for whom the folder's mode means something.
            Process newsdesk = JarProcess.start(JarProcess.installIn(dir.resolve("app")), JarProcess.asOrdinaryUser(), env, log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
                Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("---------"));
                int linesBefore = lines(log);
                List<String> names = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    names.add(drop(data, "gesperrt-" + i + ".txt", 100 + i));
                }
                awaitReadiness(port, 503);
                Thread.sleep(8000);
                List<String> duringFault = Files.readAllLines(log).subList(linesBefore, lines(log));
                assertThat(duringFault.size()).as("log lines while the outbox is closed:\n%s", String.join("\n", duringFault))
                        .isLessThanOrEqualTo(10);
                assertThat(duringFault.stream().filter(line -> line.contains(" ERROR ")))
                        .singleElement().asString().contains("[storage-unwritable]").contains(outbox.toString());
                assertThat(list(data.resolve("inbox"))).hasSize(names.size());
                assertThat(list(data.resolve("error"))).isEmpty();
                long billed = deepl.billedCharacters();

                Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwxr-xr-x"));
                await().atMost(Duration.ofSeconds(30)).until(() -> list(outbox).size() >= names.size()
                        && list(data.resolve("inbox")).isEmpty());
                Thread.sleep(1000);
                assertThat(list(outbox)).isEqualTo(names.stream().map(name -> name.replace(".txt", ".json")).sorted().toList());
                for (String name : names) {
                    assertThat(JarProcess.countLines(log, "Translated " + name + " ")).as("deliveries of %s", name).isEqualTo(1);
                }
                assertThat(deepl.billedCharacters()).as("nothing billed again").isEqualTo(billed);
                awaitReadiness(port, 200);
                await().atMost(Duration.ofSeconds(20)).until(() -> JarProcess.countLines(log, "[storage-unwritable]") == 2);
                assertThat(JarProcess.countLines(log, "Over after")).isEqualTo(1);

                // The archive closed: the result is delivered, but its original cannot leave the inbox. One state again,
                // rather than the article worked on again, unseen, at every poll; it is archived once the folder opens.
                Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("---------"));
                int linesBeforeArchive = lines(log);
                drop(data, "archiv.txt", 200);
                awaitReadiness(port, 503);
                Thread.sleep(3000);
                List<String> whileClosed = Files.readAllLines(log).subList(linesBeforeArchive, lines(log));
                assertThat(whileClosed.size()).as("log lines while the archive is closed:\n%s", String.join("\n", whileClosed))
                        .isLessThanOrEqualTo(6);
                assertThat(whileClosed.stream().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")))
                        .singleElement().asString().contains("[storage-unwritable]").contains(archive.toString());
                assertThat(data.resolve("inbox/archiv.txt")).exists();
                long billedOnce = deepl.billedCharacters();

                Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rwxr-xr-x"));
                await().atMost(Duration.ofSeconds(30)).until(() -> list(data.resolve("inbox")).isEmpty());
                assertThat(list(archive)).hasSize(names.size() + 1);
                assertThat(deepl.billedCharacters()).as("the article tried again is not billed again").isEqualTo(billedOnce);
            } finally {
                Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rwxr-xr-x"));
                JarProcess.stop(newsdesk);
            }
        }
    }

    /** Article {@code n} written beside the inbox and renamed in whole as {@code name}. */
    private static String drop(Path data, String name, int n) throws IOException {
        Path draft = data.resolve(name + ".part");
        Files.writeString(draft, article(n), StandardCharsets.UTF_8);
        Files.move(draft, data.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    private static void awaitReadiness(int port, int status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MonitoringPort.get(port, "/observe/health/ready").statusCode() == status);
    }

    /** About 1,500 characters, each {@code n} its own text, so none comes from the cache. */
    private static String article(int n) {
        StringBuilder text = new StringBuilder("Bericht " + n + " aus dem Rathaus\n\n");
        for (int i = 0; i < 20; i++) {
            text.append("Der Stadtrat hat am Montag über Vorlage ").append(n).append(" und Punkt ").append(i)
                    .append(" beraten.\n\n");
        }
        return text.toString();
    }

    private static int lines(Path log) throws IOException {
        return Files.readAllLines(log).size();
    }

    /** The names in a folder, hidden ones too, sorted. */
    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
