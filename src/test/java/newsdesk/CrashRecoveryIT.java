package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.deeplsim.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across crashes: the real jar works through 200 articles and is killed with SIGKILL at
 * random moments, then started again, several times. Meanwhile every result visible in outbox/ is
 * parsed. In the end each input has exactly one result and one archived original, nothing is left
 * half-done, and hardly anything was billed twice. The figures go to target/reliability/crash-test.txt
 * (and into the README). Repeat a run with -Dcrash.seed=N.
 */
class CrashRecoveryIT {

    private static final int ARTICLES = 200;
    private static final int KILLS = 6;
    /**
     * At most this many articles are being worked on when a kill comes (twice newsdesk.concurrency): only
     * theirs can have been billed and not yet stored, whether their request was still in flight or its answer
     * was waiting for the cache.
     */
    private static final int ARTICLES_IN_WORK = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void everyArticleEndsUpExactlyOnceHoweverOftenTheServiceIsKilled() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path data = root.resolve("data");
        Path log = root.resolve("newsdesk.log");
        Map<String, byte[]> inputs = articles();
        Files.createDirectories(data.resolve("inbox"));
        for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
            Path hidden = data.resolve("inbox").resolve("." + input.getKey());
            Files.write(hidden, input.getValue());
            Files.move(hidden, data.resolve("inbox").resolve(input.getKey()));
        }

        List<Integer> killedAt = new ArrayList<>();
        OutboxWatcher watcher = new OutboxWatcher(data.resolve("outbox"));
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            // Slow enough that the random kills land while articles are still waiting, with 16 in work
            // (at 100 ms a fast machine finished all 200 before the second kill).
            deepl.setLatency(Duration.ofMillis(300));
            Map<String, String> env = Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_ENABLED", "false",
                    "NEWSDESK_INBOX_QUIET_PERIOD_MS", "100",
                    "NEWSDESK_INBOX_POLL_MS", "100");
            watcher.start();
            for (int run = 1; run <= KILLS; run++) {
                Process newsdesk = JarProcess.start(env, log);
                // Kill while it works: after a random number of new results, and a random moment more.
                int target = Math.min(ARTICLES - 1, watcher.results() + 1 + random.nextInt(30));
                await().atMost(Duration.ofSeconds(60)).until(() -> watcher.results() >= target || !newsdesk.isAlive());
                Thread.sleep(random.nextInt(300));
                newsdesk.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                killedAt.add(watcher.results());
            }
            long startedBefore = JarProcess.countLines(log, "Newsdesk watches");
            Process last = JarProcess.start(env, log);
            // Articles go fast enough that the kills may have left nothing to do: the last run is
            // stopped only once it has started (a SIGTERM before that ends the JVM with 143).
            await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk watches") > startedBefore);
            await().atMost(Duration.ofSeconds(120)).until(() -> watcher.results() == ARTICLES && inboxArticles(data).isEmpty());
            assertThat(JarProcess.stop(last)).isZero();
            watcher.stopWatching();

            List<RecordedRequest> answered = deepl.translateRequests().stream().filter(r -> r.status() == 200).toList();
            Map<String, Long> sent = answered.stream().flatMap(r -> r.texts().stream())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long billedAgain = sent.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();

            Map<String, List<String>> archived = archived(data, inputs.keySet());
            int lost = 0;
            int duplicates = 0;
            for (String name : inputs.keySet()) {
                Path result = data.resolve("outbox").resolve(name.replace(".txt", ".json"));
                boolean complete = Files.exists(result) && archived.get(name).size() == 1;
                lost += complete ? 0 : 1;
                duplicates += Math.max(0, archived.get(name).size() - 1);
            }
            String figures = String.format("runs=%d kills=%d killedAt=%s articles=%d lost=%d duplicates=%d "
                            + "corruptResultsSeen=%d resultsParsed=%d textsBilledTwice=%d of %d seed=%d%n",
                    KILLS + 1, KILLS, killedAt, ARTICLES, lost, duplicates, watcher.corrupt.get(), watcher.parsed.get(),
                    billedAgain, sent.size(), seed);
            Files.createDirectories(Path.of("target/reliability"));
            Files.writeString(Path.of("target/reliability/crash-test.txt"), figures);
            System.out.print("Crash test: " + figures);

            assertThat(killedAt).as("kills that came while articles were still to do").filteredOn(results -> results < ARTICLES)
                    .hasSizeGreaterThanOrEqualTo(KILLS / 2);
            assertThat(watcher.corrupt.get()).as("partial or corrupt results seen in outbox/").isZero();
            assertThat(lost).as("lost").isZero();
            assertThat(duplicates).as("duplicates").isZero();
            for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
                JsonNode result = JSON.readTree(data.resolve("outbox").resolve(input.getKey().replace(".txt", ".json")).toFile());
                assertThat(ResultSchema.violations(result)).isEmpty();
                assertThat(result.at("/source/sha256").asText()).isEqualTo(sha256(input.getValue()));
                assertThat(data.resolve("archive").resolve(archived.get(input.getKey()).get(0))).hasBinaryContent(input.getValue());
            }
            assertThat(list(data.resolve("outbox"))).hasSize(ARTICLES).allMatch(n -> n.endsWith(".json") && !n.startsWith("."));
            assertThat(list(data.resolve("inbox"))).as("no article, lock marker or temporary file left").isEmpty();
            assertThat(list(data.resolve("error"))).isEmpty();
            assertThat(sent).as("every text was translated").hasSize(ARTICLES * 3);
            // Only what was being worked on at a kill can have been billed and lost before it reached the cache.
            assertThat(billedAgain).isLessThanOrEqualTo((long) KILLS * ARTICLES_IN_WORK * 3);
        } finally {
            watcher.stopWatching();
        }
    }

    private static Map<String, byte[]> articles() {
        Map<String, byte[]> articles = new LinkedHashMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            String text = "Meldung Nummer " + i + "\n\nDie Regierung hat am Montag über den Vorgang " + i
                    + " beraten. Der Minister sagte, die Lage sei ernst.\n\nDie Polizei prüft den Fall " + i + " am Dienstag.\n";
            articles.put(String.format("meldung-%03d.txt", i), text.getBytes(StandardCharsets.UTF_8));
        }
        return articles;
    }

    /** The archived originals of each input, by input name. */
    private static Map<String, List<String>> archived(Path data, Set<String> inputs) throws IOException {
        Map<String, List<String>> archived = new LinkedHashMap<>();
        inputs.forEach(name -> archived.put(name, new ArrayList<>()));
        for (String file : list(data.resolve("archive"))) {
            String input = file.replaceFirst("\\.\\d{8}T\\d{9}\\.txt$", ".txt");
            assertThat(archived).as("archived file " + file).containsKey(input);
            archived.get(input).add(file);
        }
        return archived;
    }

    private static List<String> inboxArticles(Path data) throws IOException {
        return list(data.resolve("inbox")).stream().filter(n -> n.endsWith(".txt")).toList();
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
