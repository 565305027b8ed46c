package newsdesk.evaluate;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap interval of a mean, as rouge-score's BootstrapAggregator computes it: resample
 * the documents with replacement, take each sample's mean (or another statistic), read off the percentiles. Seeded, so the
 * same scores always give the same interval.
 */
public final class Bootstrap {

    private static final int SAMPLES = 1000;
    private static final long SEED = 42;

    private Bootstrap() {
    }

    public record Interval(double low, double high) {
    }

    public static Interval interval95(double[] values) {
        return interval95(values.length, sample -> {
            double sum = 0;
            for (int i : sample) {
                sum += values[i];
            }
            return sum / values.length;
        });
    }

    /**
     * The interval of any statistic of {@code count} documents (a score summed or averaged over pages), computed on
     * 1,000 resamples of their indices.
     */
    public static Interval interval95(int count, ToDoubleFunction<int[]> statistic) {
        if (count == 0) {
            return new Interval(0, 0);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] statistics = new double[SAMPLES];
        int[] sample = new int[count];
        for (int round = 0; round < SAMPLES; round++) {
            for (int i = 0; i < count; i++) {
                sample[i] = random.nextInt(count);
            }
            statistics[round] = statistic.applyAsDouble(sample);
        }
        Arrays.sort(statistics);
        return new Interval(percentile(statistics, 2.5), percentile(statistics, 97.5));
    }

    /** Linear interpolation between closest ranks, numpy's default. */
    private static double percentile(double[] sorted, double percent) {
        double rank = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
