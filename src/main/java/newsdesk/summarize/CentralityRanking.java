package newsdesk.summarize;

import java.util.ArrayList;
import java.util.List;

/**
 * The summarizer's ranking: LexRank-style centrality (PageRank over tf-idf cosine similarity) whose
 * random jumps favour early sentences, as news puts the essentials first; then sentences are picked by
 * maximal marginal relevance so the summary does not say the same thing twice.
 */
final class CentralityRanking implements SentenceRanking {

    private static final double DAMPING = 0.85;
    /** Weight of redundancy against centrality in the marginal-relevance pick. */
    private static final double REDUNDANCY = 0.3;

    @Override
    public List<Integer> rank(Candidates candidates) {
        int n = candidates.size();
        double[][] similarity = new TermVectors(candidates.terms()).cosineMatrix();
        double[] score = PageRank.scores(similarity, positionPrior(n), DAMPING);
        return byMarginalRelevance(score, similarity);
    }

    private static double[] positionPrior(int n) {
        double[] prior = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            prior[i] = 1.0 / (i + 1);
            sum += prior[i];
        }
        for (int i = 0; i < n; i++) {
            prior[i] /= sum;
        }
        return prior;
    }

    private static List<Integer> byMarginalRelevance(double[] score, double[][] similarity) {
        int n = score.length;
        double max = 0;
        for (double s : score) {
            max = Math.max(max, s);
        }
        List<Integer> order = new ArrayList<>();
        boolean[] taken = new boolean[n];
        for (int round = 0; round < n; round++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : order) {
                    redundancy = Math.max(redundancy, similarity[i][j]);
                }
                double value = (1 - REDUNDANCY) * score[i] / max - REDUNDANCY * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            taken[best] = true;
            order.add(best);
        }
        return order;
    }
}
