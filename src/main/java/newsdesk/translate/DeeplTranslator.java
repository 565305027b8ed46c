package newsdesk.translate;

import com.deepl.api.DeepLException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.TooManyRequestsException;
import com.deepl.api.Translator;
import java.util.ArrayList;
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
 * sent once, texts DeepL has translated before come from the {@link TranslationCache}, and the
 * rest is packed into as few requests as DeepL's limits allow; the requests in flight stay within
 * the adaptive {@link InFlightLimit}. An article already in the target language is passed through
 * without a call.
 */
public class DeeplTranslator {

    /** Translations in the order of the texts given, and what DeepL reported for them. */
    public record Translated(List<String> texts, long billedCharacters, String detectedSourceLanguage,
                             boolean cached) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeeplTranslator.class);

    private final Translator client;
    private final RequestPacker packer;
    private final TranslationCache cache;
    private final InFlightLimit inFlight;
    private final String targetLanguage;
    private final DeeplAnswers answers;

    /** {@code answers} is told of every answer DeepL gives, as it comes. */
    public DeeplTranslator(Translator client, RequestPacker packer, TranslationCache cache, InFlightLimit inFlight,
                           String targetLanguage, DeeplAnswers answers) {
        this.client = client;
        this.packer = packer;
        this.cache = cache;
        this.inFlight = inFlight;
        this.targetLanguage = targetLanguage;
        this.answers = answers;
    }

    public Article translate(Article article)
            throws DeepLException, ContentRejectedException, InterruptedException {
        if (isTargetLanguage(article.sourceLanguage())) {
            return article.withTranslation(Translation.untranslated(article.original(), targetLanguage,
                    article.sourceLanguage().toUpperCase(Locale.ROOT)));
        }
        List<String> distinct = article.original().paragraphs().stream().distinct().toList();
        Translated translated = translate(distinct, article.sourceLanguage(), null);
        Map<String, String> byParagraph = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byParagraph.put(distinct.get(i), translated.texts().get(i));
        }
        return article.withTranslation(new Translation(article.original().mapParagraphs(byParagraph::get),
                targetLanguage, translated.billedCharacters(), translated.detectedSourceLanguage(), translated.cached()));
    }

    /**
     * Translates texts, those not in the cache in as few requests as the limits allow. {@code context}
     * (null for none) goes with every request: DeepL reads it but does not translate or bill it, so it
     * must leave room in a request ({@link RequestPacker#roomForContext}). It is part of the cache key.
     */
    public Translated translate(List<String> texts, String sourceLanguage, String context)
            throws DeepLException, ContentRejectedException, InterruptedException {
        TextTranslationOptions options = new TextTranslationOptions();
        if (context != null) {
            options.setContext(context);
        }
        List<RequestPacker.Piece> pieces = packer.pack(texts, context).stream().flatMap(List::stream).toList();
        String[] keys = new String[pieces.size()];
        TranslationCache.Entry[] entries = new TranslationCache.Entry[pieces.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            keys[i] = cache.key(pieces.get(i).value(), sourceLanguage, targetLanguage, options);
            entries[i] = cache.get(keys[i]).orElse(null);
            if (entries[i] == null) {
                missing.add(i);
            }
        }
        long billed = 0;
        List<String> missingTexts = missing.stream().map(i -> pieces.get(i).value()).toList();
        for (List<RequestPacker.Piece> request : packer.pack(missingTexts, context)) {
            List<TextResult> results = call(request.stream().map(RequestPacker.Piece::value).toList(),
                    sourceLanguage, options);
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
        return assemble(texts.size(), pieces, entries, billed, sourceLanguage, missing.isEmpty());
    }

    public String targetLanguage() {
        return targetLanguage;
    }

    /** How many requests may be in flight now: {@code newsdesk.concurrency}, less after 429s. */
    public int requestsInFlightLimit() {
        return inFlight.current();
    }

    /** How many requests are in flight now (for the status page). */
    public int requestsInFlight() {
        return inFlight.inFlight();
    }

    /** EN is the language of EN-US and EN-GB, so English text needs no translation into them. */
    public boolean isTargetLanguage(String language) {
        return language != null
                && targetLanguage.toUpperCase(Locale.ROOT).split("-")[0].equals(language.toUpperCase(Locale.ROOT));
    }

    /** One request, sent once the in-flight limit has room; a 429 shrinks the limit. */
    private List<TextResult> call(List<String> texts, String sourceLanguage, TextTranslationOptions options)
            throws DeepLException, ContentRejectedException, InterruptedException {
        InFlightLimit.Permit permit = inFlight.acquire();
        try {
            long start = System.nanoTime();
            List<TextResult> results = client.translateText(texts, sourceLanguage, targetLanguage, options);
            answers.answered(results.stream().mapToLong(TextResult::getBilledCharacters).sum(), System.nanoTime() - start);
            permit.succeeded();
            return results;
        } catch (TooManyRequestsException e) {
            LOG.warn("DeepL answers 429 (too many requests): at most {} of {} requests in flight for now.",
                    permit.throttled(), inFlight.max());
            throw e;
        } catch (DeepLException e) {
            throw ContentRejectedException.from(e).orElseThrow(() -> e);
        } finally {
            // Any other failure; a no-op once the permit has been returned above.
            permit.failed();
        }
    }

    /** Joins the pieces of each text again. */
    private static Translated assemble(int texts, List<RequestPacker.Piece> pieces, TranslationCache.Entry[] entries,
                                       long billed, String sourceLanguage, boolean allCached) {
        String[] translated = new String[texts];
        Map<String, Integer> detected = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            int text = pieces.get(i).text();
            translated[text] = translated[text] == null ? entries[i].text() : translated[text] + " " + entries[i].text();
            detected.merge(entries[i].detectedSourceLanguage(), 1, Integer::sum);
        }
        String detectedLanguage = detected.entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(sourceLanguage);
        return new Translated(List.of(translated), billed, detectedLanguage, allCached);
    }
}
