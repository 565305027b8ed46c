package newsdesk.summarize;

/**
 * How many sentences a summary has: a fixed count, or (ratio > 0) a share of the article's candidate
 * sentences, rounded and kept within min..max, so that long features get longer summaries.
 */
public record SummaryLength(int sentences, double ratio, int min, int max) {

    public SummaryLength {
        if (sentences <= 0) {
            throw new IllegalArgumentException("sentences must be positive: " + sentences);
        }
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be between 0 (off) and 1: " + ratio);
        }
        if (min <= 0 || max < min) {
            throw new IllegalArgumentException("ratio-min must be positive and ratio-max at least ratio-min: " + min + ", " + max);
        }
    }

    /** Always the same number of sentences. */
    public static SummaryLength fixed(int sentences) {
        return new SummaryLength(sentences, 0, 1, 1);
    }

    /** The number of sentences for an article with this many candidate sentences. */
    int count(int candidates) {
        return ratio == 0 ? sentences : (int) Math.max(min, Math.min(max, Math.round(ratio * candidates)));
    }
}
