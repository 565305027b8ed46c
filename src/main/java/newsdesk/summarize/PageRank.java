package newsdesk.summarize;

import java.util.Arrays;

/** PageRank over a weighted, undirected sentence graph, with uniform random jumps. */
final class PageRank {

    /** Probability of following an edge rather than jumping, as in TextRank and LexRank. */
    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-6;

    private PageRank() {
    }

    /** @param weights symmetric edge weights, diagonal ignored */
    static double[] scores(double[][] weights) {
        int n = weights.length;
        double[][] transition = new double[n][n];
        boolean[] dangling = new boolean[n];
        for (int i = 0; i < n; i++) {
            double out = 0;
            for (int j = 0; j < n; j++) {
                out += i == j ? 0 : weights[i][j];
            }
            dangling[i] = out == 0;
            for (int j = 0; j < n; j++) {
                transition[i][j] = i == j || dangling[i] ? 0 : weights[i][j] / out;
            }
        }
        double[] score = new double[n];
        Arrays.fill(score, 1.0 / n);
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // A sentence sharing no words with any other passes its score on by teleporting.
            double jump = 1 - DAMPING;
            for (int i = 0; i < n; i++) {
                if (dangling[i]) {
                    jump += DAMPING * score[i];
                }
            }
            Arrays.fill(next, jump / n);
            for (int i = 0; i < n; i++) {
                double flow = DAMPING * score[i];
                double[] row = transition[i];
                for (int j = 0; j < n; j++) {
                    next[j] += flow * row[j];
                }
            }
            double change = 0;
            for (int j = 0; j < n; j++) {
                change += Math.abs(next[j] - score[j]);
            }
            double[] previous = score;
            score = next;
            next = previous;
            if (change < TOLERANCE) {
                break;
            }
        }
        return score;
    }
}
