package newsdesk.translate;

/**
 * Told of every answer DeepL gives to a translate request, at the moment it comes: the figures of the
 * work summary listen (answer times), and so can a budget ledger (characters billed).
 */
public interface DeeplAnswers {

    /** One answer: the characters DeepL billed for it and how long it took, in nanoseconds. */
    void answered(long billedCharacters, long nanos);

    /** Each of {@code listeners} told in turn. */
    static DeeplAnswers all(DeeplAnswers... listeners) {
        return (billedCharacters, nanos) -> {
            for (DeeplAnswers listener : listeners) {
                listener.answered(billedCharacters, nanos);
            }
        };
    }
}
