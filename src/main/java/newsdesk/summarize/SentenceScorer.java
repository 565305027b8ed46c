package newsdesk.summarize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The learned sentence scorer: a logistic regression over {@link SentenceFeatures}, each feature
 * standardised with the mean and scale of the training sentences. Read from a small text resource
 * that {@code train-summarizer} writes; a feature the language does not have (NaN) counts as its mean.
 */
final class SentenceScorer {

    static final String RESOURCE = "/newsdesk/summarize/sentence-scorer.tsv";
    private static final String HEADER = "feature\tmean\tscale\tweight";

    private final String comment;
    private final double intercept;
    private final double[] means;
    private final double[] scales;
    private final double[] weights;

    SentenceScorer(String comment, double intercept, double[] means, double[] scales, double[] weights) {
        this.comment = comment;
        this.intercept = intercept;
        this.means = means.clone();
        this.scales = scales.clone();
        this.weights = weights.clone();
    }

    /** The scorer that ships in the jar. */
    static SentenceScorer bundled() {
        try (InputStream in = SentenceScorer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Sentence scorer " + RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sentence scorer " + RESOURCE, e);
        }
    }

    /** Probability-like score in (0, 1) that the sentence belongs in the summary. */
    double score(double[] features) {
        double z = intercept;
        for (int k = 0; k < weights.length; k++) {
            if (!Double.isNaN(features[k])) {
                z += weights[k] * (features[k] - means[k]) / scales[k];
            }
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The resource text: a comment line, a header, the intercept, then one line per feature in {@link SentenceFeatures#NAMES} order. */
    String format() {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(comment).append('\n').append(HEADER).append('\n');
        text.append(line("(intercept)", 0, 1, intercept));
        for (int k = 0; k < weights.length; k++) {
            text.append(line(SentenceFeatures.NAMES.get(k), means[k], scales[k], weights[k]));
        }
        return text.toString();
    }

    private static String line(String name, double mean, double scale, double weight) {
        return name + '\t' + number(mean) + '\t' + number(scale) + '\t' + number(weight) + '\n';
    }

    /** Nine significant digits, the same text on every platform, so training is reproducible byte for byte. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }

    /** Reads {@link #format()} text; the features must be exactly the ones this version computes. */
    static SentenceScorer parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() != SentenceFeatures.COUNT + 3 || !lines.get(0).startsWith("# ") || !lines.get(1).equals(HEADER)) {
            throw new IllegalArgumentException("Not a sentence scorer for these " + SentenceFeatures.COUNT + " features");
        }
        double[] means = new double[SentenceFeatures.COUNT];
        double[] scales = new double[SentenceFeatures.COUNT];
        double[] weights = new double[SentenceFeatures.COUNT];
        double intercept = values(lines.get(2), "(intercept)")[2];
        for (int k = 0; k < SentenceFeatures.COUNT; k++) {
            double[] values = values(lines.get(k + 3), SentenceFeatures.NAMES.get(k));
            means[k] = values[0];
            scales[k] = values[1];
            weights[k] = values[2];
        }
        return new SentenceScorer(lines.get(0).substring(2), intercept, means, scales, weights);
    }

    private static double[] values(String line, String name) {
        String[] fields = line.split("\t");
        if (fields.length != 4 || !fields[0].equals(name)) {
            throw new IllegalArgumentException("Sentence scorer: expected feature " + name + ", found: " + line);
        }
        return new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), Double.parseDouble(fields[3])};
    }
}
