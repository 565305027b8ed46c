package newsdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import newsdesk.article.Article;
import newsdesk.article.SourceMetadata;
import newsdesk.cli.Options.UsageException;
import newsdesk.evaluate.Bootstrap;
import newsdesk.evaluate.ShingleOverlap;
import newsdesk.evaluate.SnippetMatch;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import newsdesk.ingest.SupportedFormats;
import newsdesk.ingest.format.FormatRegistry;

/**
 * {@code extract --input FILE|FOLDER [--output FILE.jsonl] [--truth TRUTH.jsonl]}: reads each file as the
 * service would (any format Newsdesk reads, a folder's files in name order) and prints one JSON line per
 * file: id, format, title, byline, published, url, language, articleBody and paragraphs, or the reason a
 * file is refused, so people can see what Newsdesk reads before any DeepL cost. With {@code --truth} it prints the
 * extraction score instead: the benchmark's for {"id", "articleBody"} lines (shared/eval README, section 5), the
 * snippet score for {"id", "with", "without"} lines (section 8), each with its bootstrap interval; with {@code --baseline}, an
 * earlier run's output, also the change against it and the paired interval of that change (both on the same resamples).
 * Files are read on one thread per core and written in name order. {@code --rounds N} reads the files N times and reports
 * the median rate, the JVM's steady state rather than its warm-up.
 */
public final class ExtractCommand {

    /** One reading thread per core: pages are independent, and a cold pass is mostly the JIT's warm-up, shared by all. */
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    static final String USAGE = "usage: java -jar target/newsdesk.jar extract --input FILE|FOLDER [--output FILE.jsonl] [--truth TRUTH.jsonl"
            + " [--baseline EARLIER.jsonl]] [--rounds N]";

    private ExtractCommand() {
    }

    public static int run(String[] args) {
        Path input;
        Path output;
        Path truth;
        Path baseline;
        int rounds;
        try {
            Options options = Options.parse(args, Set.of("input", "output", "truth", "baseline", "rounds"));
            rounds = options.positiveInt("rounds", 1);
            input = Path.of(options.required("input"));
            if (!Files.exists(input)) {
                throw new UsageException("--input: no such file or folder: " + input);
            }
            output = options.optional("output", null) == null ? null : Path.of(options.required("output"));
            truth = options.optional("truth", null) == null ? null : options.existingFile("truth");
            baseline = options.optional("baseline", null) == null ? null : options.existingFile("baseline");
            if (baseline != null && truth == null) {
                throw new UsageException("--baseline compares scores: it needs --truth");
            }
        } catch (UsageException e) {
            System.err.println("extract: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            List<Path> files = files(input);
            double[] perCpuSecond = new double[rounds];
            for (int round = 0; round < rounds - 1; round++) {
                perCpuSecond[round] = files.size() / (extractAll(files, (file, line) -> { }) / 1e9);
            }
            long started = System.nanoTime();
            Map<String, String> bodies = new HashMap<>();
            long cpuNanos;
            // Standard output is flushed, never closed: the score may follow.
            Writer out = output == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                    : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
            try {
                Writer lines = truth != null && output == null ? Writer.nullWriter() : new BufferedWriter(out);
                Map<String, String> ids = new HashMap<>();
                cpuNanos = extractAll(files, (file, line) -> {
                    String name = file.getFileName().toString();
                    String first = ids.putIfAbsent(line.get("id").asText(), name);
                    if (first != null) {
                        // a.txt and a.txt.gz: the second keeps its whole name, so no two lines share an id.
                        System.err.println("extract: " + name + " has the id of " + first + " (" + line.get("id").asText()
                                + "); its line has the id " + name + ".");
                        line.put("id", name);
                    }
                    bodies.put(line.get("id").asText(), line.path("articleBody").asText(""));
                    try {
                        lines.write(line.toString());
                        lines.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                lines.flush();
            } finally {
                if (output == null) {
                    out.flush();
                } else {
                    out.close();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.printf(Locale.ROOT, "extracted %d files in %.2f s: %.0f files/s (%s, %.0f per CPU second)%n",
                    files.size(), seconds, files.size() / seconds, THREADS == 1 ? "one thread" : THREADS + " threads",
                    files.size() / (cpuNanos / 1e9));
            if (rounds > 1) {
                perCpuSecond[rounds - 1] = files.size() / (cpuNanos / 1e9);
                Arrays.sort(perCpuSecond);
                System.err.printf(Locale.ROOT, "median of %d rounds: %.0f files per CPU second%n", rounds, median(perCpuSecond));
            }
            if (truth != null) {
                printScores(truth, bodies, baseline == null ? null : bodies(baseline));
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("extract: cannot read or write a file: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("extract: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Reads the files on one thread per core and hands each file with its line to {@code inOrder}, in the files'
     * order; returns the CPU time the reading took, summed over the threads.
     */
    private static long extractAll(List<Path> files, BiConsumer<Path, ObjectNode> inOrder) throws IOException {
        ArticleReader reader = new ArticleReader(null, new ReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, ReadLimits.TOOL_DEPTH));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LongAdder cpuNanos = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // A few files ahead of the one written, so a folder of any size holds only a few pages at a time.
            Deque<Map.Entry<Path, Future<ObjectNode>>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !ahead.isEmpty()) {
                while (next < files.size() && ahead.size() < 4 * THREADS) {
                    Path file = files.get(next++);
                    ahead.add(Map.entry(file, pool.submit(() -> {
                        long cpuStarted = threads.getCurrentThreadCpuTime();
                        try {
                            return extract(reader, file);
                        } finally {
                            cpuNanos.add(threads.getCurrentThreadCpuTime() - cpuStarted);
                        }
                    })));
                }
                Map.Entry<Path, Future<ObjectNode>> oldest = ahead.removeFirst();
                inOrder.accept(oldest.getKey(), result(oldest.getValue()));
            }
        } finally {
            pool.shutdownNow();
        }
        return cpuNanos.sum();
    }

    private static ObjectNode result(Future<ObjectNode> line) throws IOException {
        try {
            return line.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The file itself, or a folder's regular files of a format Newsdesk reads, in name order. */
    private static List<Path> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> listing = Files.list(input)) {
            List<Path> files = listing.filter(Files::isRegularFile).sorted().toList();
            files.stream().map(file -> file.getFileName().toString()).filter(name -> !SupportedFormats.isSupported(name))
                    .forEach(name -> System.err.println("extract: skipped " + name + ": Newsdesk reads only " + SupportedFormats.describe()
                            + ", each also .gz."));
            return files.stream().filter(file -> SupportedFormats.isSupported(file.getFileName().toString())).toList();
        }
    }

    private static ObjectNode extract(ArticleReader reader, Path file) throws IOException {
        String name = file.getFileName().toString();
        ObjectNode line = JsonLines.MAPPER.createObjectNode();
        line.put("id", id(name));
        try {
            // Any size: this shows what would be read; the inbox applies newsdesk.inbox.max-bytes besides.
            Article article = reader.read(Files.readAllBytes(file), name);
            SourceMetadata metadata = article.source().metadata();
            line.put("format", article.source().format());
            line.put("title", article.original().title());
            line.put("byline", metadata.byline());
            line.put("published", metadata.published());
            line.put("url", metadata.url());
            line.put("language", metadata.language());
            line.put("articleBody", article.original().body());
            List<String> paragraphs = new ArrayList<>(article.original().paragraphs());
            if (article.original().hasTitle()) {
                paragraphs.remove(0);
            }
            paragraphs.forEach(line.putArray("paragraphs")::add);
        } catch (UnprocessableArticleException e) {
            line.put("error", e.getMessage());
        }
        return line;
    }

    /** The file name without its format's extension and a .gz: "page.html.gz" is "page". */
    private static String id(String name) {
        String withoutGz = FormatRegistry.withoutGz(name);
        int dot = withoutGz.lastIndexOf('.');
        return dot > 0 ? withoutGz.substring(0, dot) : withoutGz;
    }

    /** An earlier run's article bodies by id; a refused file's line has none. */
    private static Map<String, String> bodies(Path output) throws IOException {
        Map<String, String> bodies = new HashMap<>();
        JsonLines.forEach(output, line -> bodies.put(JsonLines.text(line, "id", output), line.path("articleBody").asText("")));
        return bodies;
    }

    /**
     * The score of each kind of truth the file holds: the benchmark's shingle F1 for lines with an "articleBody",
     * the snippet F for lines with "with" and "without" snippets (the German pages); each with its 95 % bootstrap
     * interval over pages, and with a baseline the change against it. A page without a line of output counts as empty.
     */
    private static void printScores(Path truthFile, Map<String, String> bodies, Map<String, String> baseline) throws IOException {
        List<ShingleOverlap.Page> shingles = new ArrayList<>();
        List<ShingleOverlap.Page> shinglesBefore = new ArrayList<>();
        List<SnippetMatch.Page> snippets = new ArrayList<>();
        List<SnippetMatch.Page> snippetsBefore = new ArrayList<>();
        int[] missing = new int[2];
        JsonLines.forEach(truthFile, line -> {
            String id = JsonLines.text(line, "id", truthFile);
            String body = bodies.getOrDefault(id, "");
            String before = baseline == null ? "" : baseline.getOrDefault(id, "");
            if (line.has("articleBody")) {
                String truth = JsonLines.text(line, "articleBody", truthFile);
                shingles.add(ShingleOverlap.page(truth, body));
                shinglesBefore.add(ShingleOverlap.page(truth, before));
                missing[0] += bodies.containsKey(id) ? 0 : 1;
            }
            if (line.has("with") || line.has("without")) {
                List<String> with = strings(line.path("with"));
                List<String> without = strings(line.path("without"));
                snippets.add(SnippetMatch.page(with, without, body));
                snippetsBefore.add(SnippetMatch.page(with, without, before));
                missing[1] += bodies.containsKey(id) ? 0 : 1;
            }
        });
        if (shingles.isEmpty() && snippets.isEmpty()) {
            throw new IllegalArgumentException(truthFile + ": no line has an \"articleBody\" or \"with\"/\"without\" snippets");
        }
        if (!shingles.isEmpty()) {
            ShingleOverlap.Score score = ShingleOverlap.score(shingles);
            ToDoubleFunction<List<ShingleOverlap.Page>> f1 = pages -> ShingleOverlap.score(pages).f1();
            System.out.printf(Locale.ROOT, "{\"pages\": %d, \"missing\": %d, \"f1\": %.4f, \"precision\": %.4f, \"recall\": %.4f, %s%s}%n",
                    shingles.size(), missing[0], score.f1(), score.precision(), score.recall(), interval("f1", shingles, f1),
                    baseline == null ? "" : change("f1", shingles, shinglesBefore, f1));
        }
        if (!snippets.isEmpty()) {
            SnippetMatch.Score score = SnippetMatch.score(snippets);
            ToDoubleFunction<List<SnippetMatch.Page>> f = pages -> SnippetMatch.score(pages).f();
            System.out.printf(Locale.ROOT, "{\"pages\": %d, \"missing\": %d, \"snippet_f\": %.4f, \"precision\": %.4f, \"recall\": %.4f,"
                    + " \"tp\": %d, \"fp\": %d, \"fn\": %d, %s%s}%n", snippets.size(), missing[1], score.f(), score.precision(),
                    score.recall(), score.tp(), score.fp(), score.fn(), interval("snippet_f", snippets, f),
                    baseline == null ? "" : change("snippet_f", snippets, snippetsBefore, f));
        }
    }

    /** {@code "<name>_ci95": [low, high]}: the score's interval over resampled pages. */
    private static <P> String interval(String name, List<P> pages, ToDoubleFunction<List<P>> score) {
        Bootstrap.Interval interval = Bootstrap.interval95(pages.size(), sample -> score.applyAsDouble(pick(pages, sample)));
        return String.format(Locale.ROOT, "\"%s_ci95\": [%.4f, %.4f]", name, interval.low(), interval.high());
    }

    /** The baseline's score, the change from it and the change's paired interval: both scored on each resample of the pages. */
    private static <P> String change(String name, List<P> pages, List<P> before, ToDoubleFunction<List<P>> score) {
        Bootstrap.Interval interval = Bootstrap.interval95(pages.size(),
                sample -> score.applyAsDouble(pick(pages, sample)) - score.applyAsDouble(pick(before, sample)));
        return String.format(Locale.ROOT, ", \"baseline_%s\": %.4f, \"%s_change\": %.4f, \"%s_change_ci95\": [%.4f, %.4f]", name,
                score.applyAsDouble(before), name, score.applyAsDouble(pages) - score.applyAsDouble(before), name, interval.low(),
                interval.high());
    }

    private static <P> List<P> pick(List<P> pages, int[] sample) {
        return Arrays.stream(sample).mapToObj(pages::get).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}
