package newsdesk.summarize;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Plain TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity, uniform jumps.
 * The baseline the summarizer is compared with, and one of the signals it uses.
 */
final class TextRank implements SentenceRanking {

    static final double DAMPING = 0.85;

    @Override
    public List<Integer> rank(Candidates candidates) {
        double[] score = scores(candidates.terms());
        return IntStream.range(0, score.length).boxed().sorted((a, b) -> Double.compare(score[b], score[a])).toList();
    }

    static double[] scores(List<List<String>> terms) {
        return PageRank.scores(overlapSimilarity(terms), uniform(terms.size()), DAMPING);
    }

    static double[] uniform(int n) {
        double[] uniform = new double[n];
        Arrays.fill(uniform, 1.0 / n);
        return uniform;
    }

    /** Shared words over the sum of the log lengths: long sentences with many content words score high. */
    private static double[][] overlapSimilarity(List<List<String>> terms) {
        int n = terms.size();
        List<Set<String>> words = terms.stream().<Set<String>>map(HashSet::new).toList();
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double norm = Math.log(terms.get(i).size()) + Math.log(terms.get(j).size());
                if (norm > 0) {
                    Set<String> other = words.get(j);
                    similarity[i][j] = similarity[j][i] = words.get(i).stream().filter(other::contains).count() / norm;
                }
            }
        }
        return similarity;
    }
}
