package newsdesk.summarize;

import java.util.Arrays;

/**
 * Sentences as tf-idf vectors, with document frequencies counted over the article's own sentences,
 * so no background corpus is needed and any language works.
 */
final class TermVectors {

    private final TermIndex index;
    private final double[][] weights;
    private final double[] norms;

    TermVectors(TermIndex index) {
        this.index = index;
        int n = index.sentences();
        weights = new double[n][];
        norms = new double[n];
        for (int s = 0; s < n; s++) {
            int[] ids = index.ids(s);
            int[] counts = index.counts(s);
            weights[s] = new double[ids.length];
            double squares = 0;
            for (int i = 0; i < ids.length; i++) {
                weights[s][i] = counts[i] * idf(n, index.documentFrequency(ids[i]));
                squares += weights[s][i] * weights[s][i];
            }
            norms[s] = Math.sqrt(squares);
        }
    }

    /** Smoothed so that a term in every sentence still counts a little. */
    private static double idf(int sentences, int frequency) {
        return Math.log((sentences + 1.0) / frequency);
    }

    double cosine(int a, int b) {
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        int[] x = index.ids(a);
        int[] y = index.ids(b);
        double dot = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                dot += weights[a][i++] * weights[b][j++];
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (norms[a] * norms[b]);
    }

    /** Each sentence's cosine with the whole article (the sum of its sentence vectors). */
    double[] centroidCosines() {
        int n = weights.length;
        double[] centroid = new double[index.vocabularySize()];
        for (int s = 0; s < n; s++) {
            int[] ids = index.ids(s);
            for (int i = 0; i < ids.length; i++) {
                centroid[ids[i]] += weights[s][i];
            }
        }
        double centroidNorm = Math.sqrt(Arrays.stream(centroid).map(w -> w * w).sum());
        double[] cosines = new double[n];
        for (int s = 0; s < n; s++) {
            if (norms[s] == 0 || centroidNorm == 0) {
                continue;
            }
            int[] ids = index.ids(s);
            double dot = 0;
            for (int i = 0; i < ids.length; i++) {
                dot += weights[s][i] * centroid[ids[i]];
            }
            cosines[s] = dot / (norms[s] * centroidNorm);
        }
        return cosines;
    }

    double[][] cosineMatrix() {
        int n = weights.length;
        double[][] matrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                matrix[i][j] = matrix[j][i] = cosine(i, j);
            }
        }
        return matrix;
    }
}
