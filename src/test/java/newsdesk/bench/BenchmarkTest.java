package newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
    void rejectsUnknownOptionsAndBadNumbers() {
        assertThat(Benchmark.run(new String[] {"--fast"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--articles", "0"})).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--translate", "everything"})).isEqualTo(2);
    }
}
