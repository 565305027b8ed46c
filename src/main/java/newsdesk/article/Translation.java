package newsdesk.article;

/** The translated text and what DeepL reported for it. */
public record Translation(ArticleText text, String targetLanguage, long billedCharacters,
                          String detectedSourceLanguage, boolean cached) {
}
