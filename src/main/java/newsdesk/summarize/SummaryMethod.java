package newsdesk.summarize;

import java.util.function.Supplier;

/** How sentences are chosen: the summarizer's own method, or a baseline to compare it with. */
public enum SummaryMethod {
    /** What the pipeline uses. */
    DEFAULT(CentralityRanking::new),
    /** The first sentences. */
    LEAD(LeadRanking::new),
    /** Plain TextRank. */
    TEXTRANK(TextRank::new);

    private final Supplier<SentenceRanking> ranking;

    SummaryMethod(Supplier<SentenceRanking> ranking) {
        this.ranking = ranking;
    }

    SentenceRanking ranking() {
        return ranking.get();
    }
}
