package newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny bench run: the command works end to end and its figures are the ones it claims. */
class BenchmarkTest {

    @Test
    void aTinyRunMeasuresTheRealRoutesAndTheBaselineSideBySide() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Benchmark bench = new Benchmark(Benchmark.BenchOptions.parse(new String[] {"--articles", "6", "--concurrency", "2",
                "--runs", "1", "--warmup", "0"}), new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<Benchmark.Result> results = bench.runAll();

        Benchmark.Result median = results.get(results.size() - 1);
        assertThat(median.articlesPerSecond()).isPositive();
        assertThat(median.baselinePerSecond()).isPositive();
        assertThat(median.ratio()).isEqualTo(median.seconds() / median.baselineSeconds());
        assertThat(median.requestsPerArticle()).isEqualTo(1.0);
        assertThat(median.billedPerSource()).isEqualTo(1.0);
        // The same article dropped again comes from the translation cache.
        assertThat(median.againBilledPerSource()).isZero();
        assertThat(median.p95Ms()).isGreaterThanOrEqualTo(median.p50Ms());
        assertThat(median.startupMs()).isPositive();
        assertThat(median.jitMs()).isNotNegative();
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("6 articles").contains("articles/s").contains("file→file").contains("JIT").contains("median");
    }

    @Test
    void freshStartsAreTimedUntilTheResultOfAWaitingArticle() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Benchmark bench = new Benchmark(Benchmark.BenchOptions.parse(new String[] {"--mode", "startup", "--runs", "1",
                "--warmup", "1"}), new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<Long> times = bench.startups();

        // The warm-up start is printed, not counted.
        assertThat(times).singleElement().satisfies(ms -> assertThat(ms).isPositive());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("mode startup").containsPattern("warm-up +\\d+ ms")
                .containsPattern("median +" + times.get(0) + " ms");
    }

    @Test
    void aBurstIntoARunningNodeIsMeasuredFromArrivalToResult() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LiveBench bench = new LiveBench(Benchmark.BenchOptions.parse(new String[] {"--mode", "burst", "--articles", "4",
                "--concurrency", "2", "--latency-ms", "50", "--runs", "1", "--warmup", "1"}),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<LiveBench.Round> rounds = bench.runAll();

        LiveBench.Round round = rounds.get(0);
        assertThat(round.articles()).isEqualTo(4);
        assertThat(round.articlesPerSecond()).isEqualTo(4 / round.seconds());
        // No result before its article arrived, and none faster than DeepL answers.
        assertThat(round.p50Ms()).isGreaterThanOrEqualTo(50);
        assertThat(round.maxMs()).isGreaterThanOrEqualTo(round.p95Ms()).isGreaterThanOrEqualTo(round.p50Ms());
        assertThat(round.requestsPerArticle()).isEqualTo(1.0);
        assertThat(round.billedPerSource()).isEqualTo(1.0);
        assertThat(round.meanInFlight()).isPositive().isLessThanOrEqualTo(2.0);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("mode burst").contains("warm-up").contains("median");
    }

    @Test
    void workerNodesBehindAnIngestNodeAndASteadyStreamAreMeasuredToo() throws Exception {
        LiveBench workers = new LiveBench(Benchmark.BenchOptions.parse(new String[] {"--mode", "workers", "--workers", "1",
                "--articles", "3", "--concurrency", "2", "--runs", "1", "--warmup", "0"}), new PrintStream(OutputStream.nullOutputStream()));
        assertThat(workers.runAll().get(0).requestsPerArticle()).isEqualTo(1.0);

        LiveBench steady = new LiveBench(Benchmark.BenchOptions.parse(new String[] {"--mode", "steady", "--rate", "5",
                "--articles", "5", "--concurrency", "2", "--runs", "1", "--warmup", "0"}), new PrintStream(OutputStream.nullOutputStream()));
        LiveBench.Round round = steady.runAll().get(0);
        // Five arrivals 0.2 s apart: the round lasts at least the 0.8 s between the first and the last.
        assertThat(round.seconds()).isGreaterThanOrEqualTo(0.8);
        assertThat(round.billedPerSource()).isEqualTo(1.0);
    }

    @Test
    void rejectsUnknownOptionsAndBadNumbers() {
        assertThat(Benchmark.run(new String[] {"--fast"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--articles", "0"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--translate", "everything"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--mode", "sometimes"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--rate", "0"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--mode", "startup", "--baseline", "no-such-folder"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--mode", "burst", "--baseline", "."})).isEqualTo(2);
    }

    @Test
    void startsAreComparedSideBySideWithABaselineBuild(@TempDir Path baseline) throws Exception {
        // The baseline project: a copy of this project's config/ and routes/, and as its target/newsdesk.jar
        // a jar holding only a manifest that names this test's class path, so `java -jar` runs this build.
        for (String folder : List.of("config", "routes")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, baseline.resolve(file.toString()));
                }
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "newsdesk.Newsdesk");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        Files.createDirectories(baseline.resolve("target"));
        try (OutputStream jar = new JarOutputStream(Files.newOutputStream(baseline.resolve("target/newsdesk.jar")), manifest)) {
            jar.flush();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Benchmark bench = new Benchmark(Benchmark.BenchOptions.parse(new String[] {"--mode", "startup", "--runs", "2",
                "--warmup", "0", "--baseline", baseline.toString()}), new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<Long> times = bench.startups();

        assertThat(times).hasSize(2).allSatisfy(ms -> assertThat(ms).isPositive());
        String output = printed.toString(StandardCharsets.UTF_8);
        // Both builds started twice, each from its own folder, and every start wrote its result.
        assertThat(output).contains("-jar " + baseline.resolve("target/newsdesk.jar") + " (in " + baseline + ")")
                .containsPattern("(?m)^1 +\\d+ ms +\\d+ ms$").containsPattern("(?m)^2 +\\d+ ms +\\d+ ms$")
                .containsPattern("median +\\d+ ms .* baseline").containsPattern("this / baseline: \\d+\\.\\d\\d");
        Path logs = Path.of(output.lines().filter(line -> line.startsWith("Service logs: ")).findFirst().orElseThrow()
                .substring("Service logs: ".length()));
        assertThat(logs.resolve("start-1-baseline/data/outbox/article-00001.json")).isRegularFile();
        assertThat(logs.resolve("start-2-this/data/outbox/article-00001.json")).isRegularFile();
    }

    @Test
    void aBaselineBuildStartsWithItsClassArchiveWhenItHasOne(@TempDir Path baseline) throws Exception {
        Path jar = Files.createDirectories(baseline.resolve("target")).resolve("newsdesk.jar");
        Files.createFile(jar);
        assertThat(Benchmark.Launch.baseline(baseline).command()).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"))
                .containsSubsequence("-jar", jar.toString());

        Files.createFile(baseline.resolve("target/newsdesk.jsa"));

        assertThat(Benchmark.Launch.baseline(baseline).command())
                .containsSubsequence("-XX:SharedArchiveFile=" + baseline.resolve("target/newsdesk.jsa"), "-jar", jar.toString());
    }
}
