package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.deeplsim.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files arriving the way they do in real life, into the packaged service running as an ordinary
 * user (when the tests run as root, the jar is started as "nobody", so that read permissions mean
 * something): a writer taking 30 s, files renamed or copied in, empty and unreadable files, odd
 * names, a symbolic link, a subfolder, a 20 MB file, names that try to forge log lines or escape
 * the data folder. DeepL rejects one text, fails once and refuses the key for a while. Afterwards
 * no output of the service, its log included, holds the DeepL key.
 */
class AwkwardArrivalsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean ROOT = JarProcess.ROOT;
    private static final String FORGED = "2026-01-01T00:00:00.000 ERROR [main] newsdesk.articles - FORGED";

    @TempDir
    Path root;

    @Test
    void awkwardFilesEachGetAClearOutcomeAndNothingLeaksOrEscapes() throws Exception {
        Path data = JarProcess.dataFolderForOrdinaryUser(root, root.resolve("data"));
        Path inbox = data.resolve("inbox");
        Path log = root.resolve("newsdesk.log");
        Path secret = Files.writeString(root.resolve("geheim.txt"), "GEHEIMSACHE: Die Zugangsdaten liegen im Tresor.\n");
        Path inSubfolder = Files.createDirectories(inbox.resolve("unterordner")).resolve("artikel.txt");
        Files.writeString(inSubfolder, article("Unterordner"));

        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Process newsdesk = JarProcess.start(JarProcess.installIn(root.resolve("app")), JarProcess.asOrdinaryUser(), Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_ENABLED", "false",
                    "NEWSDESK_DEEPL_PAUSE_CHECK_MS", "500",
                    "NEWSDESK_DEEPL_REDELIVERY_DELAY_MS", "100",
                    "LC_ALL", "C.UTF-8"), log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
                deepl.rejectTextsContaining("Sperrvermerk", 400, "Value for 'text' not supported.");
                deepl.failNext(503, 1);

                // A writer that takes 30 s, pausing less than the quiet period (1 s) between lines.
                List<String> slowLines = new ArrayList<>();
                Thread slowWriter = new Thread(() -> {
                    try (OutputStream out = Files.newOutputStream(inbox.resolve("langsam.txt"))) {
                        for (int i = 0; i < 50; i++) {
                            String line = "Zeile " + i + " des langsamen Berichts über die Regierung.";
                            slowLines.add(line);
                            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            Thread.sleep(600);
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                slowWriter.start();

                Path staging = Files.createDirectories(root.resolve("staging"));
                Files.writeString(staging.resolve("umbenannt.txt"), article("Umbenannt"));
                Files.move(staging.resolve("umbenannt.txt"), inbox.resolve("umbenannt.txt"), StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(inbox.resolve("direkt.txt"), article("Direkt kopiert"));
                Files.write(inbox.resolve("leer.txt"), new byte[0]);
                drop(inbox, "gesperrt.txt", article("Gesperrt").getBytes(StandardCharsets.UTF_8), "---------");
                Files.createSymbolicLink(inbox.resolve("verweis.txt"), secret);
                drop(inbox, "riesig.txt", new byte[20 * 1024 * 1024], "rw-r--r--");
                List<String> oddNames = List.of("Bericht aus Köln.txt", "Grüße 🎉 aus Berlin.txt", "ñandú — «zitat».txt",
                        "${env:HOME}{{newsdesk.data-dir}}.txt", "%2e%2e%2fausbruch.txt", "bericht.v1.txt", "bericht.v2.txt",
                        "harmlos\n" + FORGED + ".txt");
                // Camel reads a backslash as a folder separator: such names would lead out of the inbox.
                List<String> backslashNames = List.of("unterordner\\..\\..\\..\\ausbruch.txt", "..\\..\\ausbruch.txt");
                for (String name : backslashNames) {
                    drop(inbox, name, article("Ausbruch").getBytes(StandardCharsets.UTF_8), "rw-r--r--");
                }
                for (String name : oddNames) {
                    drop(inbox, name, article("Seltsamer Name").getBytes(StandardCharsets.UTF_8), "rw-r--r--");
                }
                drop(inbox, "leer\r\n" + FORGED + " EMPTY.txt", new byte[0], "rw-r--r--");
                drop(inbox, "sperrvermerk.txt", article("Mit Sperrvermerk").getBytes(StandardCharsets.UTF_8), "rw-r--r--");

                slowWriter.join(60_000);
                List<String> results = new ArrayList<>(oddNames);
                results.addAll(List.of("umbenannt.txt", "direkt.txt", "langsam.txt"));
                List<String> rejected = new ArrayList<>(List.of("leer.txt", "verweis.txt", "riesig.txt",
                        "leer\r\n" + FORGED + " EMPTY.txt", "sperrvermerk.txt"));
                if (ROOT) {
                    rejected.add("gesperrt.txt");
                } else {
                    results.add("gesperrt.txt");
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    for (String name : results) {
                        assertThat(data.resolve("outbox").resolve(json(name))).exists();
                    }
                    for (String name : rejected) {
                        assertThat(files(data.resolve("error"))).anyMatch(n -> n.startsWith(stem(name) + ".") && n.endsWith(".error.json"));
                    }
                });

                // The key is refused for a while: one clear ERROR, and the file waits until it is accepted again.
                deepl.setAuthKey("a-revoked-key");
                Files.writeString(staging.resolve("schluessel.txt"), article("Schlüsselwechsel"));
                Files.move(staging.resolve("schluessel.txt"), inbox.resolve("schluessel.txt"), StandardCopyOption.ATOMIC_MOVE);
                await().atMost(Duration.ofSeconds(30)).until(() -> JarProcess.countLines(log, "refuses the API key (403)") == 1);
                deepl.setAuthKey(RunningNewsdesk.AUTH_KEY);
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(data.resolve("outbox/schluessel.json")));

                assertThat(JarProcess.stop(newsdesk)).isZero();

                JsonNode slow = JSON.readTree(data.resolve("outbox/langsam.json").toFile());
                assertThat(slow.at("/translation/paragraphs")).hasSize(50);
                assertThat(slow.at("/source/bytes").asLong()).isEqualTo(Files.size(archived(data, "langsam.txt")));
                assertThat(requestsWith(deepl, "des langsamen Berichts")).as("read once, when complete").hasSize(1)
                        .allSatisfy(r -> assertThat(r.texts()).containsExactlyElementsOf(slowLines));
                for (String name : results) {
                    JsonNode result = JSON.readTree(data.resolve("outbox").resolve(json(name)).toFile());
                    assertThat(ResultSchema.violations(result)).isEmpty();
                    assertThat(result.at("/source/file").asText()).isEqualTo(name);
                    assertThat(archived(data, name)).exists();
                }
                assertThat(reason(data, "leer.txt")).isEqualTo("The file is empty.");
                assertThat(reason(data, "verweis.txt")).contains("symbolic link");
                assertThat(reason(data, "riesig.txt")).contains("20971520 bytes, more than the limit of 2097152");
                assertThat(reason(data, "sperrvermerk.txt")).contains("DeepL refused to translate the text")
                        .contains("Value for 'text' not supported.");
                if (ROOT) {
                    assertThat(reason(data, "gesperrt.txt")).contains("no read permission");
                }
                assertThat(secret).hasContent("GEHEIMSACHE: Die Zugangsdaten liegen im Tresor.");
                assertThat(requestsWith(deepl, "GEHEIMSACHE")).as("a link's target is never sent to DeepL").isEmpty();
                assertThat(inSubfolder).as("subfolders are left alone").exists();
                assertThat(files(inbox)).as("left alone").containsExactlyInAnyOrder("unterordner", backslashNames.get(0));
                assertThat(inbox.resolve(backslashNames.get(1))).exists();
                assertThat(requestsWith(deepl, "Ausbruch")).isEmpty();

                // Nothing was written outside the data folder.
                try (Stream<Path> everything = Files.walk(root)) {
                    assertThat(everything.map(root::relativize).map(Path::toString)
                            .filter(p -> !p.isEmpty() && !p.startsWith("data") && !p.startsWith("app")))
                            .containsExactlyInAnyOrder("geheim.txt", "staging", "newsdesk.log");
                }
                try (Stream<Path> workingDirectory = Files.list(root.resolve("app"))) {
                    assertThat(workingDirectory.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("target", "config", "routes");
                }

                String output = Files.readString(log);
                assertThat(output.lines()).as("no forged log line").noneMatch(line -> line.startsWith(FORGED));
                assertThat(output).contains("harmlos\\n" + FORGED).contains("leer\\r\\n" + FORGED);
                assertThat(output.lines().filter(l -> l.contains("refuses the API key (403)"))).hasSize(1);

                // The key appears in no output: log, results, error reports, archive, cache.
                assertThat(output).doesNotContain(RunningNewsdesk.AUTH_KEY).doesNotContain("6f1e2d3c");
                try (Stream<Path> outputs = Files.walk(data)) {
                    for (Path file : (Iterable<Path>) outputs.filter(Files::isRegularFile)::iterator) {
                        if (Files.isReadable(file) && !file.toString().contains("riesig")) {
                            assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString())
                                    .doesNotContain("6f1e2d3c");
                        }
                    }
                }
            } finally {
                // Only the process this test started, and only if an assertion left it running.
                newsdesk.destroyForcibly();
            }
        }
    }

    /** Under a locale without UTF-8, Java cannot open files named with umlauts: the service says so at start. */
    @Test
    void underAPosixLocaleItWarnsThatUnicodeFileNamesCannotBeRead() throws Exception {
        Path log = root.resolve("posix.log");
        Process newsdesk = JarProcess.start(Map.of(
                "NEWSDESK_DATA_DIR", root.resolve("data").toString(), "NEWSDESK_MONITORING_ENABLED", "false",
                "LC_ALL", "C", "LANG", "C"), log);
        assertThat(newsdesk.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("WARN").contains("inbox files named with umlauts or emoji cannot be processed")
                .contains("LANG=C.UTF-8");
    }

    /** Writes a file under a hidden name, sets its permissions, then renames it into the inbox. */
    private static void drop(Path inbox, String name, byte[] content, String permissions) throws IOException {
        Path hidden = inbox.resolve(".drop-" + Math.abs(name.hashCode()));
        Files.write(hidden, content);
        Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString(permissions));
        Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String article(String title) {
        return title + "\n\nDie Regierung hat am Montag über " + title + " beraten. Der Minister sagte, die Lage sei ernst.\n";
    }

    private static String stem(String name) {
        return name.substring(0, name.length() - ".txt".length());
    }

    private static String json(String name) {
        return stem(name) + ".json";
    }

    private static Path archived(Path data, String name) throws IOException {
        return data.resolve("archive").resolve(files(data.resolve("archive")).stream()
                .filter(n -> n.startsWith(stem(name) + ".")).findFirst().orElseThrow());
    }

    private static String reason(Path data, String name) throws IOException {
        String report = files(data.resolve("error")).stream()
                .filter(n -> n.startsWith(stem(name) + ".") && n.endsWith(".error.json")).findFirst().orElseThrow();
        return JSON.readTree(data.resolve("error").resolve(report).toFile()).get("reason").asText();
    }

    private static List<RecordedRequest> requestsWith(DeeplSimulator deepl, String text) {
        return deepl.translateRequests().stream().filter(r -> r.texts().stream().anyMatch(t -> t.contains(text))).toList();
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
