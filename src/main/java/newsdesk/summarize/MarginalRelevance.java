package newsdesk.summarize;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance (Carbonell and Goldstein 1998): repeatedly takes the sentence whose score,
 * less its similarity to the sentences already taken, is highest, so a summary does not say the same
 * thing twice (news pages often repeat the lead in a photo caption).
 */
final class MarginalRelevance {

    private MarginalRelevance() {
    }

    /**
     * @param score      how summary-worthy each sentence is on its own, non-negative
     * @param similarity pairwise sentence similarity in [0, 1]
     * @param redundancy weight of similarity against score, in [0, 1]
     * @return all sentence indexes in the order they are taken
     */
    static List<Integer> order(double[] score, double[][] similarity, double redundancy) {
        int n = score.length;
        double max = 0;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double scale = max > 0 ? max : 1;
        double[] closest = new double[n];
        boolean[] taken = new boolean[n];
        List<Integer> order = new ArrayList<>(n);
        for (int round = 0; round < n; round++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double value = (1 - redundancy) * score[i] / scale - redundancy * closest[i];
                if (!taken[i] && value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            taken[best] = true;
            order.add(best);
            for (int i = 0; i < n; i++) {
                closest[i] = Math.max(closest[i], similarity[i][best]);
            }
        }
        return order;
    }
}
