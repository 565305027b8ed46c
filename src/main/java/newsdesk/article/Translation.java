package newsdesk.article;

/**
 * The translated text and what DeepL reported for it. In {@link Mode#SUMMARY} the text holds only
 * the translated title and summary sentences.
 */
public record Translation(ArticleText text, String targetLanguage, long billedCharacters,
                          String detectedSourceLanguage, boolean cached, Mode mode) {

    /** What was sent to DeepL: the whole article, or only its summary sentences. */
    public enum Mode { FULL, SUMMARY }

    /** A translation of the whole article. */
    public Translation(ArticleText text, String targetLanguage, long billedCharacters,
                       String detectedSourceLanguage, boolean cached) {
        this(text, targetLanguage, billedCharacters, detectedSourceLanguage, cached, Mode.FULL);
    }
}
