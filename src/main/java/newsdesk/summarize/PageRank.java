package newsdesk.summarize;

/** PageRank over a weighted, undirected sentence graph, with a teleport distribution (personalisation). */
final class PageRank {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-6;

    private PageRank() {
    }

    /**
     * @param weights  symmetric edge weights, diagonal ignored
     * @param teleport where a random jump lands, summing to 1
     * @param damping  probability of following an edge rather than jumping
     */
    static double[] scores(double[][] weights, double[] teleport, double damping) {
        int n = weights.length;
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                outWeight[i] += i == j ? 0 : weights[i][j];
            }
        }
        double[] score = teleport.clone();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (outWeight[i] == 0) {
                    dangling += score[i];
                }
            }
            double change = 0;
            for (int j = 0; j < n; j++) {
                double incoming = 0;
                for (int i = 0; i < n; i++) {
                    if (i != j && outWeight[i] > 0) {
                        incoming += score[i] * weights[i][j] / outWeight[i];
                    }
                }
                // A sentence sharing no words with any other passes its score on by teleporting.
                next[j] = (1 - damping) * teleport[j] + damping * (incoming + dangling * teleport[j]);
                change += Math.abs(next[j] - score[j]);
            }
            score = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return score;
    }
}
