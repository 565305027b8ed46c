package newsdesk.summarize;

import java.util.Arrays;
import java.util.List;

/**
 * The summarizer's ranking: the earliest of the article's central sentences, without repeats.
 * <ul>
 *   <li>Eligibility: a sentence must be in the more central half by TextRank (word-overlap similarity,
 *       which favours long, content-rich sentences); a soft gate, so rank 51% is not cut off hard.</li>
 *   <li>Priority: news puts the essentials first, so earlier sentences weigh more, 1/sqrt(position).</li>
 *   <li>Strength: the square root of LexRank centrality (tf-idf cosine) separates sentences the gate
 *       lets through equally.</li>
 *   <li>Redundancy: maximal marginal relevance over the tf-idf cosine.</li>
 * </ul>
 * Centrality alone suits machine-made extracts (BBC set), position alone human highlights (CNN/DM);
 * the gate keeps both. Constants were chosen on the dev sets; see docs/summaries.md.
 */
final class CentralityRanking implements SentenceRanking {

    private static final double CENTRAL_SHARE = 0.5;
    private static final double GATE_SOFTNESS = 0.1;
    private static final double POSITION_DECAY = 0.5;
    private static final double REDUNDANCY = 0.35;

    @Override
    public List<Integer> rank(Candidates candidates) {
        int n = candidates.size();
        TermIndex index = new TermIndex(candidates.terms());
        double[][] cosine = new TermVectors(index).cosineMatrix();
        double[] lexRank = PageRank.scores(cosine);
        double[] centralityRank = rankShares(TextRank.scores(index));
        double maxLexRank = Arrays.stream(lexRank).max().orElse(1);
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double gate = 1 / (1 + Math.exp((centralityRank[i] - CENTRAL_SHARE) / GATE_SOFTNESS));
            score[i] = gate * Math.pow(i + 1, -POSITION_DECAY) * Math.sqrt(lexRank[i] / maxLexRank);
        }
        return MarginalRelevance.order(score, cosine, REDUNDANCY);
    }

    /** Each sentence's rank as a share of the article: 0 for the highest score, approaching 1 for the lowest. */
    static double[] rankShares(double[] score) {
        int n = score.length;
        List<Integer> byScore = SentenceRanking.byScore(score);
        double[] share = new double[n];
        for (int rank = 0; rank < n; rank++) {
            share[byScore.get(rank)] = (double) rank / n;
        }
        return share;
    }
}
