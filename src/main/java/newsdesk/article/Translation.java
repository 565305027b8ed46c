package newsdesk.article;

/**
 * The translated text and what DeepL reported for it. {@code engine} is "deepl", or "none" when
 * the text was already in the target language and passed through untranslated.
 */
public record Translation(ArticleText text, String targetLanguage, long billedCharacters,
                          String detectedSourceLanguage, boolean cached, String engine) {

    public static final String DEEPL = "deepl";
    public static final String NONE = "none";

    public Translation(ArticleText text, String targetLanguage, long billedCharacters,
                       String detectedSourceLanguage, boolean cached) {
        this(text, targetLanguage, billedCharacters, detectedSourceLanguage, cached, DEEPL);
    }

    /** The original kept as it is: it already is in the target language, so nothing is billed. */
    public static Translation untranslated(ArticleText original, String targetLanguage, String language) {
        return new Translation(original, targetLanguage, 0, language, false, NONE);
    }
}
