package newsdesk.summarize;

import java.util.List;
import java.util.stream.IntStream;

/** The Lead-N baseline: the article's first sentences. */
final class LeadRanking implements SentenceRanking {

    @Override
    public List<Integer> rank(Candidates candidates) {
        return IntStream.range(0, candidates.size()).boxed().toList();
    }
}
