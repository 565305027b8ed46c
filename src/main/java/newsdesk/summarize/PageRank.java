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
        double[] score = teleport.clone();
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // A sentence sharing no words with any other passes its score on by teleporting.
            double jump = 1 - damping;
            for (int i = 0; i < n; i++) {
                if (dangling[i]) {
                    jump += damping * score[i];
                }
            }
            for (int j = 0; j < n; j++) {
                next[j] = jump * teleport[j];
            }
            for (int i = 0; i < n; i++) {
                double flow = damping * score[i];
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
