package newsdesk.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import newsdesk.FileTrees;
import newsdesk.Service;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.desk.Desk;
import org.apache.camel.main.Main;

/**
 * {@code bench [--articles N] [--latency-ms L] [--concurrency C] [--translate full|summary] [--runs R]
 * [--warmup W]}, mode {@code backlog} (the default): runs the real routes over N articles against the DeepL simulator answering after L
 * ms, and beside them, in the same JVM, a plain Camel file-to-file route over the same files. Prints
 * one line per run and the medians of the measured runs; the warm-up runs before them are printed
 * but not counted, since the service runs for long and its steady state is what matters. Run it from
 * the project root: it uses config/ and routes/ as the service does. The other modes, with the
 * service running in processes of its own while the articles come, are {@link LiveBench}'s.
 */
public final class Benchmark {

    public static final String USAGE = "usage: java -jar target/newsdesk.jar bench [--mode backlog|burst|steady|workers|startup] "
            + "[--articles N] [--latency-ms L] [--concurrency C] [--translate full|summary] [--runs R] [--warmup W] "
            + "[--rate R] [--workers N] [--baseline DIR]";
    private static final String KEY = "bench-key";
    /** The class-data-sharing archive `mvn package` makes beside the jar (pom.xml), and how java is told of it. */
    private static final String CLASS_ARCHIVE = "newsdesk.jsa";
    private static final String SHARED_ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    private static final String FORMAT = "%-7s %9s %10s %7s %7s %7s %10s %10s %6s %9s %9s %9s %7s %9s %8s %8s %9s %9s %8s%n";
    private static final String HEADER = String.format(FORMAT,
            "run", "newsdesk", "articles/s", "p50", "p95", "wait", "file→file", "files/s", "ratio",
            "CPU", "CPU", "CPU", "JIT", "requests", "billed/", "again", "heap peak", "after GC", "start-up")
            + String.format(FORMAT, "", "s", "", "ms", "ms", "p95 ms", "s", "", "", "ms/art.", "ms/file", "ratio", "ms",
            "/article", "source", "billed", "MB", "MB", "ms");

    /** What one run measured. */
    record Result(double seconds, double articlesPerSecond, long p50Ms, long p95Ms, long waitP95Ms, double baselineSeconds,
                  double baselinePerSecond, double ratio, double cpuMsPerArticle, double baselineCpuMsPerFile,
                  double cpuRatio, long jitMs, double requestsPerArticle, double billedPerSource, double againBilledPerSource,
                  long heapPeakMb,
                  long heapAfterGcMb, long startupMs) {

        String line(String label) {
            return String.format(Locale.ROOT, "%-7s %9.2f %10.1f %7d %7d %7d %10.2f %10.1f %6.2f %9.2f %9.2f %9.2f %7d %9.3f %8.3f %8.3f %9d %9d %8d",
                    label, seconds, articlesPerSecond, p50Ms, p95Ms, waitP95Ms, baselineSeconds, baselinePerSecond, ratio,
                    cpuMsPerArticle, baselineCpuMsPerFile, cpuRatio, jitMs, requestsPerArticle, billedPerSource,
                    againBilledPerSource, heapPeakMb, heapAfterGcMb, startupMs);
        }
    }

    private final BenchOptions options;
    private final PrintStream out;

    Benchmark(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static int run(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(Path.of("config/application.properties")) || !Files.isDirectory(Path.of("routes"))) {
            System.err.println("Run bench from the project root: it needs config/application.properties and routes/.");
            return 2;
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "config/logback.xml");
        }
        try {
            if (options.mode().equals("backlog")) {
                new Benchmark(options, System.out).runAll();
            } else if (options.mode().equals("startup")) {
                new Benchmark(options, System.out).startups();
            } else {
                new LiveBench(options, System.out).runAll();
            }
            return 0;
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            return 1;
        }
    }

    /** Runs the bench and returns each run's result, the median last. */
    List<Result> runAll() throws Exception {
        BenchArticles articles = BenchArticles.load(options.articles());
        Path work = Files.createTempDirectory("newsdesk-bench-");
        Path log = work.resolve("newsdesk.log");
        out.printf(Locale.ROOT, "Newsdesk bench: %d articles (%s, mean %.0f chars), DeepL simulator latency %d ms, "
                        + "concurrency %d, translate %s, %d warm-up and %d measured run(s), max heap %d MB.%n",
                articles.count(), articles.origin(), articles.meanCharacters(), options.latencyMs(),
                options.concurrency(), options.translate(), options.warmup(), options.runs(), HeapWatch.maxHeapMb());
        out.println("Service log: " + log);
        out.print(HEADER);
        List<Result> results = new ArrayList<>();
        PrintStream console = System.out;
        try (PrintStream logFile = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            // The service logs to standard output; here that goes to the log file, the table to the console.
            System.setOut(logFile);
            for (int warmup = 1; warmup <= options.warmup(); warmup++) {
                out.println(runOnce(articles, work.resolve("warmup-" + warmup)).line("warm-up"));
            }
            for (int run = 1; run <= options.runs(); run++) {
                Result result = runOnce(articles, work.resolve("run-" + run));
                results.add(result);
                out.println(result.line(String.valueOf(run)));
            }
        } finally {
            System.setOut(console);
        }
        Result median = median(results);
        results.add(median);
        out.println(median.line("median"));
        if (options.latencyMs() > 0) {
            double ideal = options.concurrency() * 1000.0 / options.latencyMs();
            out.printf(Locale.ROOT, "Ideal with %d in flight at %d ms: %.1f articles/s; median reached %.2f of it.%n",
                    options.concurrency(), options.latencyMs(), ideal, median.articlesPerSecond() / ideal);
        }
        return results;
    }

    /**
     * Fresh starts of the service as a user runs it, one after another, each timed until the result of
     * one article waiting in its inbox; the warm-up starts (the first after a build reads the jar from
     * disk) are not counted. With {@code --baseline DIR} each start of this jar is paired with one of
     * DIR's, in alternating order (so a machine that speeds up or slows down during the run favours
     * neither), and the ratio of the medians is printed. Without it, when this jar has its class-data-sharing
     * archive, each start with the archive is paired with one without. Returns this jar's measured times in ms.
     */
    List<Long> startups() throws Exception {
        BenchArticles articles = BenchArticles.load(1);
        Path work = Files.createTempDirectory("newsdesk-bench-");
        List<Launch> launches = new ArrayList<>(List.of(Launch.thisJar()));
        if (options.baseline() != null) {
            launches.add(Launch.baseline(options.baseline()));
        } else {
            Launch.thisJarWithoutArchive().ifPresent(launches::add);
        }
        out.printf(Locale.ROOT, "Newsdesk bench, mode startup: %d warm-up and %d measured fresh start(s) of %s, each "
                        + "until the result of one article waiting in its inbox; DeepL simulator latency %d ms.%n",
                options.warmup(), options.runs(), String.join(" and of ", launches.stream().map(Launch::describe).toList()),
                options.latencyMs());
        out.println("Service logs: " + work);
        if (launches.size() > 1) {
            out.printf(Locale.ROOT, "%-7s %9s %10s%n", "start", "this", launches.get(1).name());
        }
        List<List<Long>> times = launches.stream().<List<Long>>map(launch -> new ArrayList<>()).toList();
        try (DeeplSimulator deepl = DeeplSimulator.start(KEY)) {
            deepl.setLatency(Duration.ofMillis(options.latencyMs()));
            for (int start = 1; start <= options.warmup() + options.runs(); start++) {
                boolean warmup = start <= options.warmup();
                long[] ms = new long[launches.size()];
                for (int i = 0; i < launches.size(); i++) {
                    int which = start % 2 == 1 ? i : launches.size() - 1 - i;
                    Launch launch = launches.get(which);
                    ms[which] = startupMs(articles, deepl, work.resolve("start-" + start + "-" + launch.name()), launch);
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s", warmup ? "warm-up" : String.valueOf(start - options.warmup())));
                for (int i = 0; i < launches.size(); i++) {
                    line.append(String.format(Locale.ROOT, " %6d ms", ms[i]));
                    if (!warmup) {
                        times.get(i).add(ms[i]);
                    }
                }
                out.println(line);
            }
        }
        double[] medians = new double[launches.size()];
        for (int i = 0; i < launches.size(); i++) {
            double[] sorted = times.get(i).stream().mapToDouble(Long::doubleValue).sorted().toArray();
            medians[i] = median(sorted);
            out.printf(Locale.ROOT, "%-7s %6.0f ms (min %.0f, max %.0f)%s%n", "median", medians[i], sorted[0],
                    sorted[sorted.length - 1], launches.size() > 1 ? " " + launches.get(i).name() : "");
        }
        if (launches.size() > 1) {
            out.printf(Locale.ROOT, "this / %s: %.2f%n", launches.get(1).name(), medians[0] / medians[1]);
        }
        return times.get(0);
    }

    /** How a start is made: the command, and the project folder it runs in (config/, routes/). */
    record Launch(String name, List<String> command, Path folder) {

        static Launch thisJar() {
            return new Launch("this", javaCommand(), Path.of("").toAbsolutePath());
        }

        /** This jar started without the archive it has; none when it has none (or runs from the build's classes). */
        static Optional<Launch> thisJarWithoutArchive() {
            List<String> command = javaCommand();
            List<String> without = command.stream().filter(option -> !option.startsWith(SHARED_ARCHIVE_OPTION)).toList();
            return without.size() < command.size()
                    ? Optional.of(new Launch("no-archive", without, Path.of("").toAbsolutePath()))
                    : Optional.empty();
        }

        /** {@code java -jar DIR/target/newsdesk.jar} in DIR (with its archive, if it has one), another build of Newsdesk. */
        static Launch baseline(Path folder) {
            Path jar = folder.toAbsolutePath().resolve("target").resolve("newsdesk.jar");
            return new Launch("baseline", jarCommand(jar), folder.toAbsolutePath());
        }

        String describe() {
            return String.join(" ", command) + " (in " + folder + ")";
        }
    }

    /** One run in its own folder, removed afterwards (the service log stays). */
    private Result runOnce(BenchArticles articles, Path dir) throws Exception {
        try {
            return measure(articles, dir);
        } finally {
            FileTrees.delete(dir);
        }
    }

    private Result measure(BenchArticles articles, Path dir) throws Exception {
        int n = articles.count();
        articles.writeTo(dir.resolve("baseline-in"));
        RunClock baseline = FileCopyBaseline.run(dir.resolve("baseline-in"), dir.resolve("baseline-out"), n);

        Path data = dir.resolve("data");
        articles.writeTo(data.resolve("inbox"));
        ageFiles(data.resolve("inbox"));
        try (DeeplSimulator deepl = DeeplSimulator.start(KEY)) {
            deepl.keepRecords(false);
            deepl.setCharacterLimit(Long.MAX_VALUE);
            deepl.setLatency(Duration.ofMillis(options.latencyMs()));
            RunClock clock = new RunClock(Desk.routeId("default"), n);
            System.gc();
            HeapWatch heap = new HeapWatch();
            double cpuMsPerArticle;
            double requestsPerArticle;
            double billedPerSource;
            double againBilledPerSource;
            Main main = Service.create(settings(deepl, data));
            // Camel Main adds event notifiers found in its registry to the context.
            main.bind("benchClock", clock);
            try {
                main.start();
                // Generous, but a run that stalls ends with an error rather than hanging.
                if (!clock.awaitDone(120 + (long) n * (100 + options.latencyMs()) / 1000, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Newsdesk did not finish: " + clock.remaining() + " articles left.");
                }
                // The simulator runs in this JVM; its work is DeepL's, not Newsdesk's.
                cpuMsPerArticle = (clock.cpuNanos() - deepl.handlerCpuNanos()) / 1e6 / n;
                requestsPerArticle = (double) deepl.translateRequestCount() / n;
                billedPerSource = (double) deepl.billedCharacters() / articles.sourceCharacters();
                againBilledPerSource = billedForTheSameArticleAgain(articles, deepl, data);
            } finally {
                main.stop();
                heap.close();
            }
            checkEveryArticleDelivered(data, n + 1);
            double baselineCpuMsPerFile = baseline.cpuNanos() / 1e6 / n;
            long startupMs = startupMs(articles, deepl, dir.resolve("start-up"), Launch.thisJar());
            return new Result(clock.seconds(), n / clock.seconds(), clock.latencyPercentileMs(0.50),
                    clock.latencyPercentileMs(0.95), clock.waitPercentileMs(0.95), baseline.seconds(), n / baseline.seconds(),
                    clock.seconds() / baseline.seconds(), cpuMsPerArticle, baselineCpuMsPerFile,
                    cpuMsPerArticle / baselineCpuMsPerFile, clock.jitMs(), requestsPerArticle, billedPerSource, againBilledPerSource,
                    heap.peakUsedMb(), heap.peakAfterGcMb(), startupMs);
        }
    }

    private Properties settings(DeeplSimulator deepl, Path data) throws IOException {
        Properties settings = new Properties();
        settings.setProperty("deepl.auth-key", KEY);
        settings.setProperty("deepl.server-url", deepl.url());
        settings.setProperty("newsdesk.data-dir", data.toString());
        settings.setProperty("newsdesk.concurrency", String.valueOf(options.concurrency()));
        settings.setProperty("newsdesk.translate", options.translate());
        settings.setProperty("newsdesk.monitoring.port", String.valueOf(freePort()));
        return settings;
    }

    /**
     * Drops the first article again under a new name, as a user who sends it twice would, and returns
     * the characters DeepL billed for it over the article's characters: 0 when nothing is paid twice.
     */
    private static double billedForTheSameArticleAgain(BenchArticles articles, DeeplSimulator deepl, Path data)
            throws Exception {
        long billedBefore = deepl.billedCharacters();
        Path inbox = data.resolve("inbox");
        Path hidden = inbox.resolve(".again.txt.part");
        articles.writeOne(0, hidden);
        ageFiles(inbox);
        Files.move(hidden, inbox.resolve("again.txt"));
        Path result = data.resolve("outbox").resolve("again.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(result)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The article dropped again was not delivered within a minute.");
            }
            Thread.sleep(5);
        }
        return (double) (deepl.billedCharacters() - billedBefore) / articles.sourceCharacters(0);
    }

    /** Files queued for a while: older than the inbox's quiet period, so they are ready when polled. */
    private static void ageFiles(Path folder) throws IOException {
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(10)));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, longAgo);
            }
        }
    }

    private static void checkEveryArticleDelivered(Path data, int n) throws IOException {
        long results = count(data.resolve("outbox"), ".json");
        long archived = count(data.resolve("archive"), ".txt");
        long rejected = count(data.resolve("error"), ".txt");
        if (results != n || archived != n || rejected != 0) {
            throw new IllegalStateException(String.format("Expected %d results and %d archived originals; found %d "
                    + "results, %d archived, %d in error/.", n, n, results, archived, rejected));
        }
    }

    /** A port nothing listens on now, so the bench does not clash with a running service's monitoring. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long count(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    /**
     * A cold start of the service as a user runs it, until it has written the result of an article
     * that was waiting in the inbox: ready, elected to poll the inbox, and working.
     */
    private static long startupMs(BenchArticles articles, DeeplSimulator deepl, Path dir, Launch launch) throws Exception {
        Path data = dir.resolve("data");
        articles.writeFirst(data.resolve("inbox"), 1);
        ageFiles(data.resolve("inbox"));
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.folder().toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        builder.environment().put("DEEPL_AUTH_KEY", KEY);
        builder.environment().put("DEEPL_SERVER_URL", deepl.url());
        builder.environment().put("NEWSDESK_DATA_DIR", data.toString());
        builder.environment().put("NEWSDESK_MONITORING_PORT", String.valueOf(freePort()));
        Path result = data.resolve("outbox").resolve("article-00001.json");
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!Files.exists(result)) {
                if (!process.isAlive() || System.nanoTime() - start > TimeUnit.MINUTES.toNanos(2)) {
                    throw new IllegalStateException("The service wrote no result (see " + dir.resolve("service.log") + ").");
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * The command that starts the service as README says, {@code java -jar} this jar with the class-data-sharing
     * archive the build made beside it; from the build's classes (tests), {@code java -cp} its class path.
     */
    static List<String> javaCommand() {
        String classPath = System.getProperty("java.class.path");
        return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                ? jarCommand(Path.of(classPath))
                : List.of(javaLauncher(), "-cp", classPath, "newsdesk.Newsdesk");
    }

    /** {@code java [-XX:SharedArchiveFile=newsdesk.jsa] -jar JAR}, the archive when there is one beside the jar. */
    private static List<String> jarCommand(Path jar) {
        Path archive = jar.toAbsolutePath().resolveSibling(CLASS_ARCHIVE);
        return Files.isRegularFile(archive)
                ? List.of(javaLauncher(), SHARED_ARCHIVE_OPTION + archive, "-jar", jar.toString())
                : List.of(javaLauncher(), "-jar", jar.toString());
    }

    private static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result median(List<Result> results) {
        return new Result(median(results, Result::seconds), median(results, Result::articlesPerSecond),
                (long) median(results, Result::p50Ms), (long) median(results, Result::p95Ms),
                (long) median(results, Result::waitP95Ms),
                median(results, Result::baselineSeconds), median(results, Result::baselinePerSecond),
                median(results, Result::ratio), median(results, Result::cpuMsPerArticle),
                median(results, Result::baselineCpuMsPerFile), median(results, Result::cpuRatio),
                (long) median(results, Result::jitMs),
                median(results, Result::requestsPerArticle),
                median(results, Result::billedPerSource), median(results, Result::againBilledPerSource), (long) median(results, Result::heapPeakMb),
                (long) median(results, Result::heapAfterGcMb), (long) median(results, Result::startupMs));
    }

    /** The middle value (the mean of the two middle ones for an even count) of one column. */
    private static double median(List<Result> results, ToDoubleFunction<Result> column) {
        return median(results.stream().mapToDouble(column).sorted().toArray());
    }

    /** The middle value of sorted values. */
    private static double median(double[] values) {
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The command-line options with their defaults; {@code rate} (articles/s) for steady, {@code workers} for workers. */
    record BenchOptions(String mode, int articles, int latencyMs, int concurrency, String translate, int runs, int warmup,
                        int rate, int workers, Path baseline) {

        static BenchOptions parse(String[] args) {
            String mode = "backlog";
            int rate = 30;
            int workers = 2;
            int articles = 1000;
            int latencyMs = 0;
            int concurrency = 8;
            String translate = "full";
            int runs = 3;
            int warmup = 1;
            Path baseline = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value after " + name + ".");
                }
                String value = args[++i];
                switch (name) {
                    case "--articles" -> articles = number(name, value, 1);
                    case "--latency-ms" -> latencyMs = number(name, value, 0);
                    case "--concurrency" -> concurrency = number(name, value, 1);
                    case "--translate" -> translate = oneOf(name, value, "full", "summary");
                    case "--runs" -> runs = number(name, value, 1);
                    case "--warmup" -> warmup = number(name, value, 0);
                    case "--mode" -> mode = oneOf(name, value, "backlog", "burst", "steady", "workers", "startup");
                    case "--rate" -> rate = number(name, value, 1);
                    case "--workers" -> workers = number(name, value, 1);
                    case "--baseline" -> baseline = projectWithJar(name, value);
                    default -> throw new IllegalArgumentException("Unknown option " + name + ".");
                }
            }
            if (baseline != null && !mode.equals("startup")) {
                throw new IllegalArgumentException("--baseline is for --mode startup only.");
            }
            return new BenchOptions(mode, articles, latencyMs, concurrency, translate, runs, warmup, rate, workers, baseline);
        }

        private static int number(String name, String value, int min) {
            try {
                int number = Integer.parseInt(value);
                if (number >= min) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new IllegalArgumentException(name + " needs a whole number of at least " + min + ", not '" + value + "'.");
        }

        private static Path projectWithJar(String name, String value) {
            Path folder = Path.of(value);
            if (Files.isRegularFile(folder.resolve("target").resolve("newsdesk.jar"))
                    && Files.isRegularFile(folder.resolve("config").resolve("application.properties"))) {
                return folder;
            }
            throw new IllegalArgumentException(name + " needs a Newsdesk project folder with config/ and a built "
                    + "target/newsdesk.jar, not '" + value + "'.");
        }

        private static String oneOf(String name, String value, String... allowed) {
            if (Arrays.asList(allowed).contains(value)) {
                return value;
            }
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed) + ".");
        }
    }
}
