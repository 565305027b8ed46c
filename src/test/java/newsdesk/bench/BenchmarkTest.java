package newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    }
}
