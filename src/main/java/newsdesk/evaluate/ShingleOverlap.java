package newsdesk.evaluate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's score (shared/eval README, section 5): each text becomes the
 * multiset of its 4-token shingles (tokens are Unicode {@code \w+} runs); per page tp, fp and fn are the
 * shared, predicted-only and reference-only shingles, each as a share of their sum; precision and
 * recall are averaged over pages and F1 is the harmonic mean of the two averages.
 */
public final class ShingleOverlap {

    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 4;

    /** One page's shares of shared, predicted-only and reference-only shingles. */
    public record Page(double tp, double fp, double fn) {
    }

    /** Mean precision and recall over pages and their harmonic mean. */
    public record Score(double f1, double precision, double recall) {
    }

    private ShingleOverlap() {
    }

    public static Page page(String reference, String predicted) {
        Map<List<String>, Integer> truth = shingles(reference);
        Map<List<String>, Integer> guess = shingles(predicted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<List<String>, Integer> entry : guess.entrySet()) {
            int inTruth = truth.getOrDefault(entry.getKey(), 0);
            tp += Math.min(inTruth, entry.getValue());
            fp += Math.max(0, entry.getValue() - inTruth);
        }
        for (Map.Entry<List<String>, Integer> entry : truth.entrySet()) {
            fn += Math.max(0, entry.getValue() - guess.getOrDefault(entry.getKey(), 0));
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new Page(0, 0, 0) : new Page(tp / sum, fp / sum, fn / sum);
    }

    public static Score score(List<Page> pages) {
        double precision = pages.stream().filter(p -> p.tp() + p.fp() > 0).mapToDouble(ShingleOverlap::precision).average().orElse(0);
        double recall = pages.stream().filter(p -> p.tp() + p.fn() > 0).mapToDouble(ShingleOverlap::recall).average().orElse(0);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(f1, precision, recall);
    }

    public static double precision(Page p) {
        return p.fp() == 0 && p.fn() == 0 ? 1 : p.tp() + p.fp() == 0 ? 0 : p.tp() / (p.tp() + p.fp());
    }

    public static double recall(Page p) {
        return p.fp() == 0 && p.fn() == 0 ? 1 : p.tp() + p.fn() == 0 ? 0 : p.tp() / (p.tp() + p.fn());
    }

    /** A text shorter than four tokens is one shingle of what it has; an empty text has none. */
    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new java.util.ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
            counts.merge(tokens.subList(i, Math.min(tokens.size(), i + N)), 1, Integer::sum);
        }
        return counts;
    }
}
