package newsdesk.summarize;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Plain TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity, uniform jumps.
 * Kept as the reference baseline the summarizer is compared with.
 */
final class TextRank implements SentenceRanking {

    private static final double DAMPING = 0.85;

    @Override
    public List<Integer> rank(Candidates candidates) {
        int n = candidates.size();
        List<Set<String>> words = candidates.terms().stream().<Set<String>>map(HashSet::new).toList();
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                similarity[i][j] = similarity[j][i] = overlap(candidates.terms().get(i), candidates.terms().get(j),
                        words.get(i), words.get(j));
            }
        }
        double[] uniform = new double[n];
        Arrays.fill(uniform, 1.0 / n);
        double[] score = PageRank.scores(similarity, uniform, DAMPING);
        return IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(score[b], score[a])).toList();
    }

    private static double overlap(List<String> a, List<String> b, Set<String> wordsA, Set<String> wordsB) {
        double norm = Math.log(a.size()) + Math.log(b.size());
        if (norm <= 0) {
            return 0;
        }
        return wordsA.stream().filter(wordsB::contains).count() / norm;
    }
}
