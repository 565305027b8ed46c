package newsdesk.translate;

import org.slf4j.LoggerFactory;

/**
 * Told of every answer DeepL gives to a translate request, at the moment it comes: the figures of the
 * work summary listen (answer times), and so can a budget ledger (characters billed).
 */
public interface DeeplAnswers {

    /** One answer: the characters DeepL billed for it and how long it took, in nanoseconds. */
    void answered(long billedCharacters, long nanos);

    /**
     * Each of {@code listeners} told in turn. One that fails is logged and passed over: the translation
     * is paid for by then, and failing the article would have it translated, and billed, again.
     */
    static DeeplAnswers all(DeeplAnswers... listeners) {
        return (billedCharacters, nanos) -> {
            for (DeeplAnswers listener : listeners) {
                try {
                    listener.answered(billedCharacters, nanos);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(DeeplAnswers.class).error("{} characters DeepL billed were not counted by {}: {}",
                            billedCharacters, listener.getClass().getSimpleName(), e.toString());
                }
            }
        };
    }
}
