package newsdesk.summarize;

import java.util.List;

/** Orders candidate sentences by how much they belong in a summary. */
interface SentenceRanking {

    /** Indexes into the candidates, the most summary-worthy first. */
    List<Integer> rank(Candidates candidates);
}
