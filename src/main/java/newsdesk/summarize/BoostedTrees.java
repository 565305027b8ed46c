package newsdesk.summarize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gradient-boosted regression trees for a yes/no label (logistic loss, Newton leaf values, as in
 * XGBoost), with split points at quantiles of each feature. Small and deterministic: no sampling, ties
 * broken by feature and bin order, so the same data always give the same trees.
 */
final class BoostedTrees {

    /** One tree as arrays: an inner node tests features[i] <= thresholds[i]; a leaf has feature -1 and a value. */
    record Tree(int[] features, double[] thresholds, int[] left, int[] right, double[] values) {

        double value(double[] row) {
            int node = 0;
            while (features[node] >= 0) {
                node = row[features[node]] <= thresholds[node] ? left[node] : right[node];
            }
            return values[node];
        }
    }

    /** Settings of a fit. */
    record Settings(int trees, int depth, double learningRate, double minChildWeight, double lambda, int bins) {
    }

    private BoostedTrees() {
    }

    /** The base score (log-odds of the label) and the trees; the model's log-odds are the base plus each tree's value. */
    record Model(double base, List<Tree> trees) {

        double logOdds(double[] row) {
            double z = base;
            for (Tree tree : trees) {
                z += tree.value(row);
            }
            return z;
        }
    }

    static Model fit(double[][] x, boolean[] y, double[] weight, Settings settings) {
        int n = x.length;
        int d = x[0].length;
        double[][] cuts = new double[d][];
        byte[][] binned = new byte[d][n];
        for (int k = 0; k < d; k++) {
            cuts[k] = cuts(x, k, settings.bins());
            for (int i = 0; i < n; i++) {
                binned[k][i] = (byte) bin(cuts[k], x[i][k]);
            }
        }
        double positives = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] ? weight[i] : 0;
            total += weight[i];
        }
        double share = Math.min(Math.max(positives / total, 1e-6), 1 - 1e-6);
        double base = Math.log(share / (1 - share));
        double[] z = new double[n];
        Arrays.fill(z, base);
        double[] gradient = new double[n];
        double[] hessian = new double[n];
        List<Tree> trees = new ArrayList<>();
        for (int t = 0; t < settings.trees(); t++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-z[i]));
                gradient[i] = weight[i] * (p - (y[i] ? 1 : 0));
                hessian[i] = weight[i] * p * (1 - p);
            }
            TreeBuilder builder = new TreeBuilder(binned, cuts, gradient, hessian, settings);
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            builder.grow(all, 0);
            Tree tree = builder.tree();
            trees.add(tree);
            for (int i = 0; i < n; i++) {
                z[i] += tree.value(x[i]);
            }
        }
        return new Model(base, trees);
    }

    /** Up to bins - 1 distinct cut values at the quantiles of the feature. */
    private static double[] cuts(double[][] x, int feature, int bins) {
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = x[i][feature];
        }
        Arrays.sort(values);
        double[] cuts = new double[bins - 1];
        int count = 0;
        for (int b = 1; b < bins; b++) {
            double cut = values[(int) ((long) b * (values.length - 1) / bins)];
            if ((count == 0 || cut > cuts[count - 1]) && cut < values[values.length - 1]) {
                cuts[count++] = cut;
            }
        }
        return Arrays.copyOf(cuts, count);
    }

    /** Index of the first cut the value is at most; cuts.length if above all. */
    private static int bin(double[] cuts, double value) {
        int b = Arrays.binarySearch(cuts, value);
        return b >= 0 ? b : -b - 1;
    }

    private static final class TreeBuilder {
        private final byte[][] binned;
        private final double[][] cuts;
        private final double[] gradient;
        private final double[] hessian;
        private final Settings settings;
        private final List<Integer> features = new ArrayList<>();
        private final List<Double> thresholds = new ArrayList<>();
        private final List<Integer> left = new ArrayList<>();
        private final List<Integer> right = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        TreeBuilder(byte[][] binned, double[][] cuts, double[] gradient, double[] hessian, Settings settings) {
            this.binned = binned;
            this.cuts = cuts;
            this.gradient = gradient;
            this.hessian = hessian;
            this.settings = settings;
        }

        /** Adds the node for these rows (and its subtree); returns its index. */
        int grow(int[] rows, int depth) {
            int node = features.size();
            features.add(-1);
            thresholds.add(0.0);
            left.add(-1);
            right.add(-1);
            double g = 0;
            double h = 0;
            for (int i : rows) {
                g += gradient[i];
                h += hessian[i];
            }
            values.add(-g / (h + settings.lambda()) * settings.learningRate());
            if (depth == settings.depth()) {
                return node;
            }
            double parent = g * g / (h + settings.lambda());
            double bestGain = 1e-9;
            int bestFeature = -1;
            int bestBin = -1;
            for (int k = 0; k < binned.length; k++) {
                int bins = cuts[k].length + 1;
                double[] gs = new double[bins];
                double[] hs = new double[bins];
                for (int i : rows) {
                    gs[binned[k][i]] += gradient[i];
                    hs[binned[k][i]] += hessian[i];
                }
                double gl = 0;
                double hl = 0;
                for (int b = 0; b < bins - 1; b++) {
                    gl += gs[b];
                    hl += hs[b];
                    double gr = g - gl;
                    double hr = h - hl;
                    if (hl < settings.minChildWeight() || hr < settings.minChildWeight()) {
                        continue;
                    }
                    double gain = gl * gl / (hl + settings.lambda()) + gr * gr / (hr + settings.lambda()) - parent;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestFeature = k;
                        bestBin = b;
                    }
                }
            }
            if (bestFeature < 0) {
                return node;
            }
            int leftCount = 0;
            for (int i : rows) {
                leftCount += binned[bestFeature][i] <= bestBin ? 1 : 0;
            }
            int[] leftRows = new int[leftCount];
            int[] rightRows = new int[rows.length - leftCount];
            int l = 0;
            int r = 0;
            for (int i : rows) {
                if (binned[bestFeature][i] <= bestBin) {
                    leftRows[l++] = i;
                } else {
                    rightRows[r++] = i;
                }
            }
            features.set(node, bestFeature);
            thresholds.set(node, cuts[bestFeature][bestBin]);
            left.set(node, grow(leftRows, depth + 1));
            right.set(node, grow(rightRows, depth + 1));
            return node;
        }

        Tree tree() {
            return new Tree(features.stream().mapToInt(Integer::intValue).toArray(),
                    thresholds.stream().mapToDouble(Double::doubleValue).toArray(),
                    left.stream().mapToInt(Integer::intValue).toArray(),
                    right.stream().mapToInt(Integer::intValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
