package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 files dropped into the inbox at once, the jar running with a 256 MB heap: every file is
 * processed, none is lost, and the heap stays bounded (the inbox is read a batch at a time). The
 * peak heap in use, read from the JVM's GC log, goes to target/reliability/many-files.txt.
 */
class ManyFilesIT {

    private static final int FILES = 10_000;
    private static final Pattern HEAP_BEFORE_GC = Pattern.compile("GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path root;

    @Test
    void tenThousandFilesAtOnceAreAllProcessedWithin256MbOfHeap() throws Exception {
        Path data = root.resolve("data");
        Path staging = Files.createDirectories(root.resolve("staging"));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(staging.resolve(String.format("kurz-%05d.txt", i)),
                    "Kurzmeldung " + i + ": Die Regierung tagt am Montag.\n", StandardCharsets.UTF_8);
        }
        Path gcLog = root.resolve("gc.log");
        Path log = root.resolve("newsdesk.log");
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Process newsdesk = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_ENABLED", "false"), log,
                    "-Xmx256m", "-Xlog:gc:file=" + gcLog);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
                long start = System.nanoTime();
                try (Stream<Path> files = Files.list(staging)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.move(file, data.resolve("inbox").resolve(file.getFileName()));
                    }
                }

                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(data.resolve("archive")) == FILES || !newsdesk.isAlive());
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(JarProcess.stop(newsdesk)).as("exit code after SIGTERM").isZero();

                assertThat(count(data.resolve("outbox"))).isEqualTo(FILES);
                assertThat(count(data.resolve("archive"))).isEqualTo(FILES);
                assertThat(count(data.resolve("inbox"))).isZero();
                assertThat(count(data.resolve("error"))).isZero();
                assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
                int peak = peakHeapMb(gcLog);
                String figures = String.format("files=%d seconds=%.1f filesPerSecond=%.0f peakHeapInUseMb=%d maxHeapMb=256%n",
                        FILES, seconds, FILES / seconds, peak);
                Files.createDirectories(Path.of("target/reliability"));
                Files.writeString(Path.of("target/reliability/many-files.txt"), figures);
                System.out.print("Many files: " + figures);
                assertThat(peak).isPositive().isLessThan(256);
            } finally {
                // Only the process this test started, and only if an assertion left it running.
                newsdesk.destroyForcibly();
            }
        }
    }

    /** The most heap in use at any collection, in MB. */
    private static int peakHeapMb(Path gcLog) throws IOException {
        int peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = HEAP_BEFORE_GC.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Integer.parseInt(m.group(1)));
            }
        }
        return peak;
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
