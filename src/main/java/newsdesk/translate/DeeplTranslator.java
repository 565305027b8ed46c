package newsdesk.translate;

import com.deepl.api.DeepLException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.Translator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newsdesk.article.Article;
import newsdesk.article.Translation;

/**
 * Translates an article's paragraphs with DeepL, keeping its line layout. Repeated paragraphs are
 * sent once, texts DeepL has translated before come from the {@link TranslationCache}, and the
 * rest is packed into as few requests as DeepL's limits allow. An article already in the target
 * language is passed through without a call.
 */
public class DeeplTranslator {

    private final Translator client;
    private final RequestPacker packer;
    private final TranslationCache cache;
    private final String targetLanguage;

    public DeeplTranslator(Translator client, RequestPacker packer, TranslationCache cache, String targetLanguage) {
        this.client = client;
        this.packer = packer;
        this.cache = cache;
        this.targetLanguage = targetLanguage;
    }

    public Article translate(Article article)
            throws DeepLException, ContentRejectedException, InterruptedException {
        if (isTargetLanguage(article.sourceLanguage())) {
            return article.withTranslation(Translation.untranslated(article.original(), targetLanguage,
                    article.sourceLanguage().toUpperCase(Locale.ROOT)));
        }
        TextTranslationOptions options = new TextTranslationOptions();
        List<String> distinct = article.original().paragraphs().stream().distinct().toList();
        List<RequestPacker.Piece> pieces = packer.pack(distinct).stream().flatMap(List::stream).toList();
        String[] keys = new String[pieces.size()];
        TranslationCache.Entry[] entries = new TranslationCache.Entry[pieces.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            keys[i] = cache.key(pieces.get(i).value(), article.sourceLanguage(), targetLanguage, options);
            entries[i] = cache.get(keys[i]).orElse(null);
            if (entries[i] == null) {
                missing.add(i);
            }
        }
        long billed = 0;
        List<String> missingTexts = missing.stream().map(i -> pieces.get(i).value()).toList();
        for (List<RequestPacker.Piece> request : packer.pack(missingTexts)) {
            List<TextResult> results = call(request.stream().map(RequestPacker.Piece::value).toList(),
                    article.sourceLanguage(), options);
            for (int i = 0; i < results.size(); i++) {
                TextResult result = results.get(i);
                int piece = missing.get(request.get(i).text());
                entries[piece] = new TranslationCache.Entry(result.getText(),
                        result.getDetectedSourceLanguage().toUpperCase(Locale.ROOT));
                // Stored at once, so a later request of this article failing does not cost this one again.
                cache.put(keys[piece], entries[piece]);
                billed += result.getBilledCharacters();
            }
        }
        return article.withTranslation(assemble(article, distinct, pieces, entries, billed, missing.isEmpty()));
    }

    private List<TextResult> call(List<String> texts, String sourceLanguage, TextTranslationOptions options)
            throws DeepLException, ContentRejectedException, InterruptedException {
        try {
            return client.translateText(texts, sourceLanguage, targetLanguage, options);
        } catch (DeepLException e) {
            throw ContentRejectedException.from(e).orElseThrow(() -> e);
        }
    }

    /** Joins the pieces of each paragraph again and lays the paragraphs out like the original. */
    private Translation assemble(Article article, List<String> distinct, List<RequestPacker.Piece> pieces,
                                 TranslationCache.Entry[] entries, long billed, boolean allCached) {
        String[] translated = new String[distinct.size()];
        Map<String, Integer> detected = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            int text = pieces.get(i).text();
            translated[text] = translated[text] == null ? entries[i].text() : translated[text] + " " + entries[i].text();
            detected.merge(entries[i].detectedSourceLanguage(), 1, Integer::sum);
        }
        Map<String, String> byParagraph = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byParagraph.put(distinct.get(i), translated[i]);
        }
        String detectedLanguage = detected.entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(article.sourceLanguage());
        return new Translation(article.original().mapParagraphs(byParagraph::get), targetLanguage, billed,
                detectedLanguage, allCached);
    }

    /** EN is the language of EN-US and EN-GB, so English text needs no translation into them. */
    private boolean isTargetLanguage(String language) {
        return language != null
                && targetLanguage.toUpperCase(Locale.ROOT).split("-")[0].equals(language.toUpperCase(Locale.ROOT));
    }
}
