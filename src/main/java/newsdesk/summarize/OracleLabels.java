package newsdesk.summarize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsdesk.evaluate.RougeTokenizer;

/**
 * Which candidate sentences a perfect extractive summarizer would pick: the greedy oracle, which adds the
 * sentence that most raises ROUGE-1 + ROUGE-2 F1 against the reference until no sentence raises it or the
 * summary is full (Nallapati et al. 2017). These are the training labels of the sentence scorer.
 */
final class OracleLabels {

    private OracleLabels() {
    }

    static boolean[] of(List<String> sentences, String reference, int maxSentences) {
        List<String> referenceTokens = RougeTokenizer.tokens(reference);
        Map<String, Integer> referenceUnigrams = ngrams(referenceTokens, 1);
        Map<String, Integer> referenceBigrams = ngrams(referenceTokens, 2);
        List<List<String>> tokens = sentences.stream().map(RougeTokenizer::tokens).toList();
        boolean[] chosen = new boolean[sentences.size()];
        List<String> summary = new ArrayList<>();
        double best = 0;
        for (int round = 0; round < maxSentences; round++) {
            int pick = -1;
            for (int i = 0; i < sentences.size(); i++) {
                if (chosen[i]) {
                    continue;
                }
                List<String> candidate = new ArrayList<>(summary);
                candidate.addAll(tokens.get(i));
                double value = f1(referenceUnigrams, ngrams(candidate, 1)) + f1(referenceBigrams, ngrams(candidate, 2));
                if (value > best) {
                    best = value;
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            chosen[pick] = true;
            summary.addAll(tokens.get(pick));
        }
        return chosen;
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(n == 1 ? tokens.get(i) : tokens.get(i) + ' ' + tokens.get(i + 1), 1, Integer::sum);
        }
        return counts;
    }

    private static double f1(Map<String, Integer> reference, Map<String, Integer> system) {
        int overlap = 0;
        int systemTotal = 0;
        for (Map.Entry<String, Integer> entry : system.entrySet()) {
            overlap += Math.min(entry.getValue(), reference.getOrDefault(entry.getKey(), 0));
            systemTotal += entry.getValue();
        }
        int referenceTotal = reference.values().stream().mapToInt(Integer::intValue).sum();
        if (overlap == 0) {
            return 0;
        }
        double precision = (double) overlap / systemTotal;
        double recall = (double) overlap / referenceTotal;
        return 2 * precision * recall / (precision + recall);
    }
}
