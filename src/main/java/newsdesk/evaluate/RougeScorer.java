package newsdesk.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F1 with the semantics of Google's rouge-score
 * (use_stemmer=True): clipped n-gram overlap, whole-text LCS, and summary-level union LCS over
 * sentences given one per line.
 */
public final class RougeScorer {

    private RougeScorer() {
    }

    public static RougeScores score(String reference, String system) {
        List<String> referenceTokens = RougeTokenizer.tokens(reference);
        List<String> systemTokens = RougeTokenizer.tokens(system);
        return new RougeScores(
                ngramF1(referenceTokens, systemTokens, 1),
                ngramF1(referenceTokens, systemTokens, 2),
                lcsF1(referenceTokens, systemTokens),
                summaryLevelLcsF1(sentences(reference), sentences(system)));
    }

    private static double ngramF1(List<String> reference, List<String> system, int n) {
        Map<List<String>, Integer> referenceCounts = ngrams(reference, n);
        Map<List<String>, Integer> systemCounts = ngrams(system, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> entry : systemCounts.entrySet()) {
            overlap += Math.min(entry.getValue(), referenceCounts.getOrDefault(entry.getKey(), 0));
        }
        int referenceTotal = Math.max(reference.size() - n + 1, 0);
        int systemTotal = Math.max(system.size() - n + 1, 0);
        return f1((double) overlap / Math.max(systemTotal, 1), (double) overlap / Math.max(referenceTotal, 1));
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }

    private static double lcsF1(List<String> reference, List<String> system) {
        if (reference.isEmpty() || system.isEmpty()) {
            return 0;
        }
        int lcs = lcsTable(reference, system)[reference.size()][system.size()];
        return f1((double) lcs / system.size(), (double) lcs / reference.size());
    }

    /** rouge-score's _summary_level_lcs: union LCS per reference sentence, each token counted at most once. */
    private static double summaryLevelLcsF1(List<List<String>> reference, List<List<String>> system) {
        int referenceLength = reference.stream().mapToInt(List::size).sum();
        int systemLength = system.stream().mapToInt(List::size).sum();
        if (referenceLength == 0 || systemLength == 0) {
            return 0;
        }
        Map<String, Integer> referenceCounts = tokenCounts(reference);
        Map<String, Integer> systemCounts = tokenCounts(system);
        int hits = 0;
        for (List<String> sentence : reference) {
            TreeSet<Integer> union = new TreeSet<>();
            for (List<String> candidate : system) {
                union.addAll(lcsIndexes(sentence, candidate));
            }
            for (int index : union) {
                String token = sentence.get(index);
                if (systemCounts.getOrDefault(token, 0) > 0 && referenceCounts.getOrDefault(token, 0) > 0) {
                    hits++;
                    systemCounts.merge(token, -1, Integer::sum);
                    referenceCounts.merge(token, -1, Integer::sum);
                }
            }
        }
        return f1((double) hits / systemLength, (double) hits / referenceLength);
    }

    private static Map<String, Integer> tokenCounts(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        sentences.forEach(sentence -> sentence.forEach(token -> counts.merge(token, 1, Integer::sum)));
        return counts;
    }

    /** Reference positions on one LCS, found by rouge-score's backtracking (ties go up, not left). */
    private static List<Integer> lcsIndexes(List<String> reference, List<String> candidate) {
        int[][] table = lcsTable(reference, candidate);
        List<Integer> indexes = new ArrayList<>();
        int i = reference.size();
        int j = candidate.size();
        while (i > 0 && j > 0) {
            if (reference.get(i - 1).equals(candidate.get(j - 1))) {
                indexes.add(i - 1);
                i--;
                j--;
            } else if (table[i][j - 1] > table[i - 1][j]) {
                j--;
            } else {
                i--;
            }
        }
        return indexes;
    }

    private static int[][] lcsTable(List<String> reference, List<String> candidate) {
        int[][] table = new int[reference.size() + 1][candidate.size() + 1];
        for (int i = 1; i <= reference.size(); i++) {
            for (int j = 1; j <= candidate.size(); j++) {
                table[i][j] = reference.get(i - 1).equals(candidate.get(j - 1))
                        ? table[i - 1][j - 1] + 1
                        : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table;
    }

    /** Sentences are lines; empty lines are dropped, as rouge-score does. */
    private static List<List<String>> sentences(String text) {
        return Arrays.stream(text.split("\n")).filter(line -> !line.isEmpty()).map(RougeTokenizer::tokens).toList();
    }

    private static double f1(double precision, double recall) {
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }
}
