package newsdesk.article;

/**
 * The translated text and what DeepL reported for it. {@code engine} is "deepl", or "none" when
 * the text was already in the target language and passed through untranslated. In
 * {@link Mode#SUMMARY} the text holds only the translated title and summary sentences.
 * {@code glossary} is the desk's glossary DeepL applied, or null.
 */
public record Translation(ArticleText text, String targetLanguage, long billedCharacters,
                          String detectedSourceLanguage, boolean cached, String engine, Mode mode,
                          GlossaryUsed glossary) {

    public static final String DEEPL = "deepl";
    public static final String NONE = "none";

    /** What was sent to DeepL: the whole article, or only its summary sentences. */
    public enum Mode { FULL, SUMMARY }

    /** A glossary applied to the translation: its name (its file's), DeepL's id of it, and its entries for the pair used. */
    public record GlossaryUsed(String name, String id, int entries) {
    }

    /** A DeepL translation of the whole article. */
    public Translation(ArticleText text, String targetLanguage, long billedCharacters,
                       String detectedSourceLanguage, boolean cached) {
        this(text, targetLanguage, billedCharacters, detectedSourceLanguage, cached, DEEPL, Mode.FULL, null);
    }

    /** The original kept as it is: it already is in the target language, so nothing is billed. */
    public static Translation untranslated(ArticleText original, String targetLanguage, String language) {
        return new Translation(original, targetLanguage, 0, language, false, NONE, Mode.FULL, null);
    }
}
