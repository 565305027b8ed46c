package newsdesk.summarize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences as tf-idf vectors, with document frequencies counted over the article's own sentences,
 * so no background corpus is needed and any language works.
 */
final class TermVectors {

    private final Map<String, Double>[] vectors;
    private final double[] norms;

    @SuppressWarnings("unchecked")
    TermVectors(List<List<String>> sentences) {
        int n = sentences.size();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (List<String> terms : sentences) {
            terms.stream().distinct().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        vectors = new Map[n];
        norms = new double[n];
        for (int i = 0; i < n; i++) {
            Map<String, Double> vector = new HashMap<>();
            for (String term : sentences.get(i)) {
                vector.merge(term, 1.0, Double::sum);
            }
            vector.replaceAll((term, tf) -> tf * idf(n, documentFrequency.get(term)));
            vectors[i] = vector;
            norms[i] = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
        }
    }

    /** Smoothed so that a term in every sentence still counts a little. */
    static double idf(int sentences, int frequency) {
        return Math.log((sentences + 1.0) / frequency);
    }

    double cosine(int a, int b) {
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        Map<String, Double> small = vectors[a].size() <= vectors[b].size() ? vectors[a] : vectors[b];
        Map<String, Double> large = small == vectors[a] ? vectors[b] : vectors[a];
        double dot = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            dot += entry.getValue() * large.getOrDefault(entry.getKey(), 0.0);
        }
        return dot / (norms[a] * norms[b]);
    }

    double[][] cosineMatrix() {
        int n = vectors.length;
        double[][] matrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                matrix[i][j] = matrix[j][i] = cosine(i, j);
            }
        }
        return matrix;
    }
}
