package newsdesk.summarize;

import java.util.List;
import java.util.stream.IntStream;

/** Orders candidate sentences by how much they belong in a summary. */
interface SentenceRanking {

    /** @return indexes into the candidates, the most summary-worthy first */
    List<Integer> rank(Candidates candidates);

    /** Indexes ordered by score, highest first; ties keep text order. */
    static List<Integer> byScore(double[] score) {
        return IntStream.range(0, score.length).boxed().sorted((a, b) -> Double.compare(score[b], score[a])).toList();
    }
}
