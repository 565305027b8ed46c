package newsdesk.translate;

import com.deepl.api.DeepLException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.Translator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newsdesk.article.Article;
import newsdesk.article.Translation;

/**
 * Translates an article's paragraphs with DeepL, keeping its line layout. Repeated paragraphs are
 * sent once, and paragraphs are packed into as few requests as DeepL's limits allow.
 */
public class DeeplTranslator {

    private final Translator client;
    private final RequestPacker packer;
    private final String targetLanguage;

    public DeeplTranslator(Translator client, RequestPacker packer, String targetLanguage) {
        this.client = client;
        this.packer = packer;
        this.targetLanguage = targetLanguage;
    }

    public Article translate(Article article) throws DeepLException, InterruptedException {
        List<String> distinct = article.original().paragraphs().stream().distinct().toList();
        String[] translated = new String[distinct.size()];
        long billed = 0;
        Map<String, Integer> detected = new HashMap<>();
        for (List<RequestPacker.Piece> request : packer.pack(distinct)) {
            List<String> texts = request.stream().map(RequestPacker.Piece::value).toList();
            List<TextResult> results = client.translateText(texts, article.sourceLanguage(), targetLanguage,
                    new TextTranslationOptions());
            for (int i = 0; i < results.size(); i++) {
                TextResult result = results.get(i);
                int text = request.get(i).text();
                translated[text] = translated[text] == null ? result.getText() : translated[text] + " " + result.getText();
                billed += result.getBilledCharacters();
                detected.merge(result.getDetectedSourceLanguage().toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        Map<String, String> byParagraph = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byParagraph.put(distinct.get(i), translated[i]);
        }
        String detectedLanguage = detected.entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(article.sourceLanguage());
        return article.withTranslation(new Translation(article.original().mapParagraphs(byParagraph::get),
                targetLanguage, billed, detectedLanguage, false));
    }
}
