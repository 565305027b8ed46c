package newsdesk.summarize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learned sentence scorer: gradient-boosted trees over {@link SentenceFeatures}. Read from a small
 * text resource that {@code train-summarizer} writes. A feature the language does not have (NaN) takes
 * its mean over the training sentences.
 */
final class SentenceScorer {

    static final String RESOURCE = "/newsdesk/summarize/sentence-scorer.tsv";
    private static final String FEATURES = "feature\tmean";
    private static final String NODES = "tree\tnode\tfeature\tthreshold\tleft\tright\tvalue";

    private final String comment;
    private final double[] means;
    private final BoostedTrees.Model model;

    SentenceScorer(String comment, double[] means, BoostedTrees.Model model) {
        this.comment = comment;
        this.means = means.clone();
        this.model = model;
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
        double[] row = features;
        for (int k = 0; k < row.length; k++) {
            if (Double.isNaN(row[k])) {
                row = row == features ? features.clone() : row;
                row[k] = means[k];
            }
        }
        return 1 / (1 + Math.exp(-model.logOdds(row)));
    }

    /**
     * The resource text: a comment line; the features in {@link SentenceFeatures#NAMES} order with their
     * means; the base log-odds; then every tree node (a leaf has feature "-").
     */
    String format() {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(comment).append('\n').append(FEATURES).append('\n');
        for (int k = 0; k < means.length; k++) {
            text.append(SentenceFeatures.NAMES.get(k)).append('\t').append(number(means[k])).append('\n');
        }
        text.append("base\t").append(number(model.base())).append('\n').append(NODES).append('\n');
        for (int t = 0; t < model.trees().size(); t++) {
            BoostedTrees.Tree tree = model.trees().get(t);
            for (int node = 0; node < tree.features().length; node++) {
                boolean leaf = tree.features()[node] < 0;
                text.append(t).append('\t').append(node).append('\t')
                        .append(leaf ? "-" : SentenceFeatures.NAMES.get(tree.features()[node])).append('\t')
                        .append(leaf ? "-" : number(tree.thresholds()[node])).append('\t')
                        .append(tree.left()[node]).append('\t').append(tree.right()[node]).append('\t')
                        .append(number(tree.values()[node])).append('\n');
            }
        }
        return text.toString();
    }

    /** Nine significant digits, the same text on every platform, so training is reproducible byte for byte. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }

    /** Reads {@link #format()} text; the features must be exactly the ones this version computes. */
    static SentenceScorer parse(String text) {
        List<String> lines = text.lines().toList();
        int d = SentenceFeatures.COUNT;
        if (lines.size() < d + 4 || !lines.get(0).startsWith("# ") || !lines.get(1).equals(FEATURES)
                || !lines.get(d + 3).equals(NODES)) {
            throw new IllegalArgumentException("Not a sentence scorer for these " + d + " features");
        }
        double[] means = new double[d];
        for (int k = 0; k < d; k++) {
            means[k] = Double.parseDouble(fields(lines.get(k + 2), 2, SentenceFeatures.NAMES.get(k))[1]);
        }
        double base = Double.parseDouble(fields(lines.get(d + 2), 2, "base")[1]);
        List<BoostedTrees.Tree> trees = new ArrayList<>();
        List<String[]> nodes = new ArrayList<>();
        for (int i = d + 4; i <= lines.size(); i++) {
            String[] node = i < lines.size() ? fields(lines.get(i), 7, null) : null;
            if (node == null || Integer.parseInt(node[1]) == 0 && !nodes.isEmpty()) {
                trees.add(tree(nodes));
                nodes.clear();
            }
            if (node != null) {
                nodes.add(node);
            }
        }
        return new SentenceScorer(lines.get(0).substring(2), means, new BoostedTrees.Model(base, trees));
    }

    private static BoostedTrees.Tree tree(List<String[]> nodes) {
        int size = nodes.size();
        int[] features = new int[size];
        double[] thresholds = new double[size];
        int[] left = new int[size];
        int[] right = new int[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            String[] node = nodes.get(i);
            boolean leaf = node[2].equals("-");
            features[i] = leaf ? -1 : SentenceFeatures.NAMES.indexOf(node[2]);
            if (!leaf && features[i] < 0 || Integer.parseInt(node[1]) != i) {
                throw new IllegalArgumentException("Sentence scorer: bad tree node " + String.join(" ", node));
            }
            thresholds[i] = leaf ? 0 : Double.parseDouble(node[3]);
            left[i] = Integer.parseInt(node[4]);
            right[i] = Integer.parseInt(node[5]);
            values[i] = Double.parseDouble(node[6]);
        }
        return new BoostedTrees.Tree(features, thresholds, left, right, values);
    }

    private static String[] fields(String line, int count, String name) {
        String[] fields = line.split("\t");
        if (fields.length != count || name != null && !fields[0].equals(name)) {
            throw new IllegalArgumentException("Sentence scorer: unexpected line: " + line);
        }
        return fields;
    }
}
