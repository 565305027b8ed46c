package newsdesk.summarize;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's sentences as ascending arrays of term ids with counts, so that similarities are computed
 * by merging small int arrays instead of hashing strings (the summarizer's hot path).
 */
final class TermIndex {

    private final int[][] ids;
    private final int[][] counts;
    private final int[] lengths;
    private final int[] documentFrequency;

    TermIndex(List<List<String>> sentences) {
        int n = sentences.size();
        Map<String, Integer> vocabulary = new HashMap<>();
        ids = new int[n][];
        counts = new int[n][];
        lengths = new int[n];
        for (int s = 0; s < n; s++) {
            List<String> terms = sentences.get(s);
            int[] termIds = new int[terms.size()];
            for (int i = 0; i < termIds.length; i++) {
                termIds[i] = vocabulary.computeIfAbsent(terms.get(i), term -> vocabulary.size());
            }
            Arrays.sort(termIds);
            int distinct = 0;
            int[] termCounts = new int[termIds.length];
            for (int i = 0; i < termIds.length; i++) {
                if (i > 0 && termIds[i] == termIds[i - 1]) {
                    termCounts[distinct - 1]++;
                } else {
                    termIds[distinct] = termIds[i];
                    termCounts[distinct++] = 1;
                }
            }
            ids[s] = Arrays.copyOf(termIds, distinct);
            counts[s] = Arrays.copyOf(termCounts, distinct);
            lengths[s] = terms.size();
        }
        documentFrequency = new int[vocabulary.size()];
        for (int[] sentence : ids) {
            for (int id : sentence) {
                documentFrequency[id]++;
            }
        }
    }

    int sentences() {
        return ids.length;
    }

    /** Number of distinct terms in the article. */
    int vocabularySize() {
        return documentFrequency.length;
    }

    /** Distinct term ids of a sentence, ascending. */
    int[] ids(int sentence) {
        return ids[sentence];
    }

    /** How often each of {@link #ids(int)} occurs in the sentence. */
    int[] counts(int sentence) {
        return counts[sentence];
    }

    /** Number of terms, repeats included. */
    int length(int sentence) {
        return lengths[sentence];
    }

    /** In how many sentences the term occurs. */
    int documentFrequency(int id) {
        return documentFrequency[id];
    }

    /** Number of distinct terms two sentences share. */
    int sharedTerms(int a, int b) {
        int[] x = ids[a];
        int[] y = ids[b];
        int shared = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                shared++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }
}
