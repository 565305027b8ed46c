package newsdesk.summarize;

/** How sentences are chosen: the summarizer's own method, or a baseline to compare it with. */
public enum SummaryMethod {
    /** What the pipeline uses: the learned sentence scorer. */
    DEFAULT(new LearnedRanking(SentenceScorer.bundled())),
    /** The previous default: the earliest of the central sentences (unsupervised). */
    CENTRALITY(new CentralityRanking()),
    /** The first sentences. */
    LEAD(new LeadRanking()),
    /** Plain TextRank. */
    TEXTRANK(new TextRank());

    /** Rankings are stateless, so one instance serves every summarizer and thread. */
    private final SentenceRanking ranking;

    SummaryMethod(SentenceRanking ranking) {
        this.ranking = ranking;
    }

    SentenceRanking ranking() {
        return ranking;
    }
}
