package newsdesk.evaluate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval of a mean, as rouge-score's BootstrapAggregator computes it: resample
 * the documents with replacement, take each sample's mean, read off the percentiles. Seeded, so the
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
        if (values.length == 0) {
            return new Interval(0, 0);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[SAMPLES];
        for (int sample = 0; sample < SAMPLES; sample++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[sample] = sum / values.length;
        }
        Arrays.sort(means);
        return new Interval(percentile(means, 2.5), percentile(means, 97.5));
    }

    /** Linear interpolation between closest ranks, numpy's default. */
    private static double percentile(double[] sorted, double percent) {
        double rank = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
