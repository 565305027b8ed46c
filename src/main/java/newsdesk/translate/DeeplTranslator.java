package newsdesk.translate;

import com.deepl.api.DeepLException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.TooManyRequestsException;
import com.deepl.api.Translator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newsdesk.article.Article;
import newsdesk.article.Translation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates an article's paragraphs with DeepL, keeping its line layout. Repeated paragraphs are
 * sent once, paragraphs are packed into as few requests as DeepL's limits allow, and the requests
 * in flight stay within the adaptive {@link InFlightLimit}.
 */
public class DeeplTranslator {

    /** Translations in the order of the texts given, and what DeepL reported for them. */
    public record Translated(List<String> texts, long billedCharacters, String detectedSourceLanguage) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeeplTranslator.class);

    private final Translator client;
    private final RequestPacker packer;
    private final InFlightLimit inFlight;
    private final String targetLanguage;

    public DeeplTranslator(Translator client, RequestPacker packer, InFlightLimit inFlight, String targetLanguage) {
        this.client = client;
        this.packer = packer;
        this.inFlight = inFlight;
        this.targetLanguage = targetLanguage;
    }

    public Article translate(Article article) throws DeepLException, InterruptedException {
        List<String> distinct = article.original().paragraphs().stream().distinct().toList();
        Translated translated = translate(distinct, article.sourceLanguage(), null);
        Map<String, String> byParagraph = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byParagraph.put(distinct.get(i), translated.texts().get(i));
        }
        return article.withTranslation(new Translation(article.original().mapParagraphs(byParagraph::get),
                targetLanguage, translated.billedCharacters(), translated.detectedSourceLanguage(), false));
    }

    /**
     * Translates texts in as few requests as the limits allow. {@code context} (null for none) goes
     * with every request: DeepL reads it but does not translate or bill it, so it must leave room in
     * a request ({@link RequestPacker#roomForContext}).
     */
    public Translated translate(List<String> texts, String sourceLanguage, String context)
            throws DeepLException, InterruptedException {
        String[] translated = new String[texts.size()];
        long billed = 0;
        Map<String, Integer> detected = new HashMap<>();
        TextTranslationOptions options = new TextTranslationOptions();
        if (context != null) {
            options.setContext(context);
        }
        for (List<RequestPacker.Piece> request : packer.pack(texts, context)) {
            List<TextResult> results = send(request.stream().map(RequestPacker.Piece::value).toList(),
                    sourceLanguage, options);
            for (int i = 0; i < results.size(); i++) {
                TextResult result = results.get(i);
                int text = request.get(i).text();
                translated[text] = translated[text] == null ? result.getText() : translated[text] + " " + result.getText();
                billed += result.getBilledCharacters();
                detected.merge(result.getDetectedSourceLanguage().toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        String detectedLanguage = detected.entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(sourceLanguage);
        return new Translated(List.of(translated), billed, detectedLanguage);
    }

    public String targetLanguage() {
        return targetLanguage;
    }

    /** How many requests may be in flight now: {@code newsdesk.concurrency}, less after 429s. */
    public int requestsInFlightLimit() {
        return inFlight.current();
    }

    /** One request, sent once the in-flight limit has room; a 429 shrinks the limit. */
    private List<TextResult> send(List<String> texts, String sourceLanguage, TextTranslationOptions options)
            throws DeepLException, InterruptedException {
        InFlightLimit.Permit permit = inFlight.acquire();
        try {
            List<TextResult> results = client.translateText(texts, sourceLanguage, targetLanguage, options);
            permit.succeeded();
            return results;
        } catch (TooManyRequestsException e) {
            LOG.warn("DeepL answers 429 (too many requests): at most {} of {} requests in flight for now.",
                    permit.throttled(), inFlight.max());
            throw e;
        } finally {
            // Any other failure; a no-op once the permit has been returned above.
            permit.failed();
        }
    }
}
