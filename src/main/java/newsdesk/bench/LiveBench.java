package newsdesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;

/**
 * {@code bench --mode burst|steady|workers}: Newsdesk as a user runs it, one process per node started
 * from this jar with environment variables, already running when the articles come:
 * <ul>
 *   <li>{@code burst}: one {@code all} node; a backlog of N articles, written earlier, is renamed into
 *       the inbox at once;</li>
 *   <li>{@code steady}: one {@code all} node; N fresh articles, each written under a temporary name and
 *       renamed in, at {@code --rate} per second;</li>
 *   <li>{@code workers}: an {@code ingest} node hosting the Artemis broker on a loopback port and
 *       {@code --workers} {@code worker} nodes, sharing the data folder; a burst as above.</li>
 * </ul>
 * Warm-up rounds of the same kind come first, then the measured rounds, each with articles of its own
 * (so none is a cache hit). An article's latency runs from its rename into the inbox to its result's
 * time in outbox/ (written, then renamed there).
 */
final class LiveBench {

    private static final String KEY = "bench-key";
    private static final String FORMAT = "%-7s %8s %8s %10s %7s %7s %7s %9s %9s %9s %9s%n";
    private static final String HEADER = String.format(FORMAT,
            "round", "articles", "seconds", "articles/s", "p50", "p95", "max", "last after", "DeepL", "requests", "billed/")
            + String.format(FORMAT, "", "", "", "", "ms", "ms", "ms", "arrival ms", "in flight", "/article", "source");

    /** What one round measured. {@code seconds}: from the first arrival to the last result. */
    record Round(int articles, double seconds, double articlesPerSecond, long p50Ms, long p95Ms, long maxMs,
                 long lastAfterLastArrivalMs, double meanInFlight, double requestsPerArticle, double billedPerSource) {

        String line(String label) {
            return String.format(Locale.ROOT, "%-7s %8d %8.2f %10.1f %7d %7d %7d %9d %9.1f %9.3f %9.3f", label, articles,
                    seconds, articlesPerSecond, p50Ms, p95Ms, maxMs, lastAfterLastArrivalMs, meanInFlight,
                    requestsPerArticle, billedPerSource);
        }
    }

    private final Benchmark.BenchOptions options;
    private final PrintStream out;
    private final List<Process> nodes = new ArrayList<>();

    LiveBench(Benchmark.BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the warm-up and measured rounds and returns the measured ones, their medians last. */
    List<Round> runAll() throws Exception {
        int n = options.articles();
        int rounds = options.warmup() + options.runs();
        BenchArticles articles = BenchArticles.load(n * rounds);
        Path work = Files.createTempDirectory("newsdesk-bench-");
        Path data = work.resolve("data");
        int workers = options.mode().equals("workers") ? options.workers() : 1;
        double ideal = workers * options.concurrency() * 1000.0 / Math.max(1, options.latencyMs());
        out.printf(Locale.ROOT, "Newsdesk bench, mode %s: %s; %d articles per round (%s, mean %.0f chars), "
                        + "DeepL simulator latency %d ms, concurrency %d, %d warm-up and %d measured round(s).%n",
                options.mode(), describeNodes(workers), n, articles.origin(), articles.meanCharacters(),
                options.latencyMs(), options.concurrency(), options.warmup(), options.runs());
        out.println("Node logs: " + work);
        List<Round> results = new ArrayList<>();
        try (DeeplSimulator deepl = DeeplSimulator.start(KEY)) {
            deepl.keepRecords(false);
            deepl.setCharacterLimit(Long.MAX_VALUE);
            deepl.setLatency(Duration.ofMillis(options.latencyMs()));
            startNodes(work, data, deepl, workers);
            out.print(HEADER);
            for (int round = 0; round < rounds; round++) {
                Round result = runRound(articles, round * n, n, data, deepl);
                boolean warmup = round < options.warmup();
                if (!warmup) {
                    results.add(result);
                }
                out.println(result.line(warmup ? "warm-up" : String.valueOf(round - options.warmup() + 1)));
            }
        } finally {
            stopNodes();
        }
        Round median = median(results);
        results.add(median);
        out.println(median.line("median"));
        if (options.latencyMs() > 0) {
            out.printf(Locale.ROOT, "Ideal with %d × %d in flight at %d ms: %.1f articles/s; median reached %.2f of it.%n",
                    workers, options.concurrency(), options.latencyMs(), ideal, median.articlesPerSecond() / ideal);
        }
        return results;
    }

    private String describeNodes(int workers) {
        return options.mode().equals("workers")
                ? "1 ingest node (embedded Artemis on a loopback port) and " + workers + " worker node(s)"
                : "1 node (role all)";
    }

    private void startNodes(Path work, Path data, DeeplSimulator deepl, int workers) throws Exception {
        Map<String, String> common = new HashMap<>();
        common.put("NEWSDESK_DATA_DIR", data.toString());
        common.put("NEWSDESK_CONCURRENCY", String.valueOf(options.concurrency()));
        common.put("NEWSDESK_TRANSLATE", options.translate());
        common.put("DEEPL_AUTH_KEY", KEY);
        common.put("DEEPL_SERVER_URL", deepl.url());
        if (!options.mode().equals("workers")) {
            startNode(common, Map.of(), work.resolve("node.log"), "Newsdesk watches");
            return;
        }
        String broker = "tcp://127.0.0.1:" + Benchmark.freePort();
        startNode(common, Map.of("NEWSDESK_ROLE", "ingest", "NEWSDESK_JMS_LISTEN", broker), work.resolve("ingest.log"),
                "Newsdesk watches");
        for (int i = 1; i <= workers; i++) {
            startNode(common, Map.of("NEWSDESK_ROLE", "worker", "NEWSDESK_JMS_BROKER_URL", broker),
                    work.resolve("worker-" + i + ".log"), "Newsdesk worker takes");
        }
    }

    /** {@code java -jar} this jar (or this class path, when run from the build), and waits for its start line. */
    private void startNode(Map<String, String> common, Map<String, String> own, Path log, String ready) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Benchmark.javaCommand()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(common);
        builder.environment().putAll(own);
        builder.environment().put("NEWSDESK_MONITORING_PORT", String.valueOf(Benchmark.freePort()));
        Process node = builder.start();
        nodes.add(node);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!logContains(log, ready)) {
            if (!node.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("A node did not start (see " + log + ").");
            }
            Thread.sleep(20);
        }
    }

    private static boolean logContains(Path log, String text) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains(text));
        }
    }

    private void stopNodes() throws InterruptedException {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    /** Feeds articles {@code first} to {@code first + n - 1} in and waits for their results. */
    private Round runRound(BenchArticles articles, int first, int n, Path data, DeeplSimulator deepl) throws Exception {
        Path inbox = data.resolve("inbox");
        Path outbox = data.resolve("outbox");
        int requestsBefore = deepl.translateRequestCount();
        long billedBefore = deepl.billedCharacters();
        long sourceCharacters = 0;
        Map<String, Long> arrivals = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            names.add(String.format("article-%05d", i + 1));
            sourceCharacters += articles.sourceCharacters(i);
        }
        InFlightSampler sampler = new InFlightSampler(deepl);
        if (options.mode().equals("steady")) {
            // Each fresh: written under a temporary name just before it is renamed in, as a careful writer does.
            long start = System.nanoTime();
            sampler.start();
            for (int k = 0; k < n; k++) {
                long due = start + (long) (k * 1e9 / options.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Path temporary = inbox.resolve("." + names.get(k) + ".tmp");
                articles.writeOne(first + k, temporary);
                Files.move(temporary, inbox.resolve(names.get(k) + ".txt"));
                arrivals.put(names.get(k), System.currentTimeMillis());
            }
        } else {
            // A backlog written a while ago, moved in at once.
            Path staging = Files.createDirectories(data.resolve("staging"));
            FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(10)));
            for (int k = 0; k < n; k++) {
                Path file = staging.resolve(names.get(k) + ".txt");
                articles.writeOne(first + k, file);
                Files.setLastModifiedTime(file, longAgo);
            }
            sampler.start();
            for (String name : names) {
                Files.move(staging.resolve(name + ".txt"), inbox.resolve(name + ".txt"));
                arrivals.put(name, System.currentTimeMillis());
            }
        }
        Map<String, Long> delivered = awaitResults(outbox, names, data);
        sampler.stopSampling();

        long firstArrival = arrivals.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long lastArrival = arrivals.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long lastResult = delivered.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Long> latencies = names.stream().map(name -> Math.max(0, delivered.get(name) - arrivals.get(name))).sorted().toList();
        double seconds = (lastResult - firstArrival) / 1000.0;
        return new Round(n, seconds, n / seconds, percentile(latencies, 0.50), percentile(latencies, 0.95),
                latencies.get(latencies.size() - 1), lastResult - lastArrival, sampler.mean(),
                (double) (deepl.translateRequestCount() - requestsBefore) / n,
                (double) (deepl.billedCharacters() - billedBefore) / sourceCharacters);
    }

    /** Waits for every named result; returns each one's time (its file's), in epoch milliseconds. */
    private static Map<String, Long> awaitResults(Path outbox, List<String> names, Path data) throws Exception {
        Map<String, Long> delivered = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (delivered.size() < names.size()) {
            for (String name : names) {
                if (!delivered.containsKey(name)) {
                    Path result = outbox.resolve(name + ".json");
                    if (Files.exists(result)) {
                        delivered.put(name, Files.getLastModifiedTime(result).toMillis());
                    }
                }
            }
            if (System.nanoTime() > deadline || hasFiles(data.resolve("error"))) {
                throw new IllegalStateException((names.size() - delivered.size()) + " articles not delivered; see "
                        + data + " (error/ and the node logs).");
            }
            Thread.sleep(10);
        }
        return delivered;
    }

    private static boolean hasFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isPresent();
        }
    }

    private static long percentile(List<Long> sorted, double share) {
        return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
    }

    private static Round median(List<Round> rounds) {
        return new Round((int) median(rounds, Round::articles), median(rounds, Round::seconds),
                median(rounds, Round::articlesPerSecond), (long) median(rounds, Round::p50Ms),
                (long) median(rounds, Round::p95Ms), (long) median(rounds, Round::maxMs),
                (long) median(rounds, Round::lastAfterLastArrivalMs), median(rounds, Round::meanInFlight),
                median(rounds, Round::requestsPerArticle), median(rounds, Round::billedPerSource));
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> column) {
        double[] values = rounds.stream().mapToDouble(column).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /**
     * How many DeepL requests were in flight on average while a round ran, sampled every millisecond:
     * with C articles in flight on each node it stays near nodes × C, and gaps show as a lower mean.
     */
    private static final class InFlightSampler extends Thread {
        private final DeeplSimulator deepl;
        private volatile boolean running = true;
        private long samples;
        private long sum;

        InFlightSampler(DeeplSimulator deepl) {
            super("in-flight-sampler");
            this.deepl = deepl;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                sum += deepl.inFlight();
                samples++;
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() throws InterruptedException {
            running = false;
            join();
        }

        double mean() {
            return samples == 0 ? 0 : (double) sum / samples;
        }
    }
}
