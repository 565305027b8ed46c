package newsdesk.summarize;

import java.util.List;

/**
 * Plain TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity, uniform jumps.
 * The baseline the summarizer is compared with, and one of the signals it uses.
 */
final class TextRank implements SentenceRanking {

    @Override
    public List<Integer> rank(Candidates candidates) {
        return SentenceRanking.byScore(scores(new TermIndex(candidates.terms())));
    }

    static double[] scores(TermIndex index) {
        return PageRank.scores(overlapSimilarity(index));
    }

    /** Shared words over the sum of the log lengths: long sentences with many content words score high. */
    private static double[][] overlapSimilarity(TermIndex index) {
        int n = index.sentences();
        double[] logLength = new double[n];
        for (int i = 0; i < n; i++) {
            logLength[i] = Math.log(index.length(i));
        }
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double norm = logLength[i] + logLength[j];
                if (norm > 0) {
                    similarity[i][j] = similarity[j][i] = index.sharedTerms(i, j) / norm;
                }
            }
        }
        return similarity;
    }
}
