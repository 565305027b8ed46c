package newsdesk.summarize;

import java.util.List;

/**
 * The summarizer's ranking: each sentence scored by the learned {@link SentenceScorer} (trained on
 * CNN/DailyMail stories against their human-written highlights, see docs/summaries.md), then taken by
 * maximal marginal relevance over the tf-idf cosine, so the summary does not repeat itself.
 */
final class LearnedRanking implements SentenceRanking {

    /** High: human highlights rarely repeat a fact, and the scorer rates each sentence on its own. */
    private static final double REDUNDANCY = 0.55;

    private final SentenceScorer scorer;

    LearnedRanking(SentenceScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public List<Integer> rank(Candidates candidates) {
        SentenceFeatures.Table table = SentenceFeatures.of(candidates);
        double[] score = new double[candidates.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = scorer.score(table.rows()[i]);
        }
        return MarginalRelevance.order(score, table.cosine(), REDUNDANCY);
    }
}
