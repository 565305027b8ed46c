package newsdesk.summarize;

import java.util.List;

/** Orders candidate sentences by how much they belong in a summary. */
interface SentenceRanking {

    /**
     * @param terms the terms (stemmed content words) of each candidate sentence, in text order
     * @return indexes into the candidates, the most summary-worthy first
     */
    List<Integer> rank(List<List<String>> terms);
}
