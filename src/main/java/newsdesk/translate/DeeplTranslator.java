package newsdesk.translate;

import com.deepl.api.AuthorizationException;
import com.deepl.api.DeepLException;
import com.deepl.api.Formality;
import com.deepl.api.QuotaExceededException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.TooManyRequestsException;
import com.deepl.api.Translator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import newsdesk.article.Article;
import newsdesk.article.Translation;
import newsdesk.budget.DeeplBudget;
import newsdesk.budget.DeeplBudgetUsedUpException;
import newsdesk.desk.Desk;
import newsdesk.glossary.GlossarySync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates an article's paragraphs with DeepL, keeping its line layout. Repeated paragraphs are
 * sent once, texts DeepL has translated before come from the {@link TranslationCache} (or, while
 * another worker of this node is asking DeepL for them, from its answer), and the
 * rest is packed into as few requests as DeepL's limits allow; the requests in flight stay within
 * the adaptive {@link InFlightLimit}, and each request's characters are set aside in the {@link DeeplBudget}
 * before it is sent. An article already in the target language is passed through
 * without a call.
 */
public class DeeplTranslator {

    /** Translations in the order of the texts given, and what DeepL reported for them. */
    public record Translated(List<String> texts, long billedCharacters, String detectedSourceLanguage,
                             boolean cached, Translation.GlossaryUsed glossary) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeeplTranslator.class);
    /** The desk parameter formality as deepl-java names it; "default" sends none. */
    private static final Map<String, Formality> FORMALITY = Map.of("more", Formality.More, "less", Formality.Less,
            "prefer_more", Formality.PreferMore, "prefer_less", Formality.PreferLess);

    private final Translator client;
    private final RequestPacker packer;
    private final TranslationCache cache;
    private final InFlightLimit inFlight;
    private final DeeplAnswers answers;
    private final DeeplBudget budget;
    private final DeeplPause pause;
    private final TranslationsInFlight inFlightTexts;
    private final GlossarySync glossaries;
    private final String targetLanguage;
    /** DeepL's formality option; null leaves it to DeepL. */
    private final Formality formality;
    /** The desk's glossary by name, looked up per request so a changed glossary is used from then on; null for none. */
    private final String glossary;

    /**
     * {@code answers} is told of every answer DeepL gives (characters billed, time taken) as it comes;
     * {@code budget} holds each request's characters before it is sent and is told what DeepL billed;
     * {@code pause} is told whether DeepL answers at all; {@code glossaries} are those desks name.
     */
    public DeeplTranslator(Translator client, RequestPacker packer, TranslationCache cache, InFlightLimit inFlight,
                           String targetLanguage, DeeplAnswers answers, DeeplBudget budget, DeeplPause pause,
                           GlossarySync glossaries) {
        this.client = client;
        this.packer = packer;
        this.cache = cache;
        this.inFlight = inFlight;
        this.answers = answers;
        this.budget = budget;
        this.pause = pause;
        this.inFlightTexts = new TranslationsInFlight();
        this.glossaries = glossaries;
        this.targetLanguage = targetLanguage;
        this.formality = null;
        this.glossary = null;
    }

    /** One desk's view: its target language, formality and glossary; the client, cache and limits are shared. */
    private DeeplTranslator(DeeplTranslator shared, Desk desk) {
        this.client = shared.client;
        this.packer = shared.packer;
        this.cache = shared.cache;
        this.inFlight = shared.inFlight;
        this.answers = shared.answers;
        this.budget = shared.budget;
        this.pause = shared.pause;
        this.inFlightTexts = shared.inFlightTexts;
        this.glossaries = shared.glossaries;
        this.targetLanguage = desk.targetLanguage();
        this.formality = FORMALITY.get(desk.formality());
        this.glossary = desk.glossary();
    }

    /** A translator for one desk's articles (its target language, formality and glossary). */
    public DeeplTranslator forDesk(Desk desk) {
        return new DeeplTranslator(this, desk);
    }

    /** The article translated as its desk says. */
    public Article translate(Article article, Desk desk)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
        return forDesk(desk).translate(article);
    }

    public Article translate(Article article)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
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
                targetLanguage, translated.billedCharacters(), translated.detectedSourceLanguage(), translated.cached(),
                Translation.DEEPL, Translation.Mode.FULL, translated.glossary()));
    }

    /**
     * Translates texts, those not in the cache in as few requests as the limits allow. {@code context}
     * (null for none) goes with every request: DeepL reads it but does not translate or bill it, so it
     * must leave room in a request ({@link RequestPacker#roomForContext}). It is part of the cache key.
     * A text another worker of this node has already sent is not sent again: this one waits for that
     * answer (and sends it itself only if that request fails). The desk's glossary, if any, is held
     * until the last answer, so a changed glossary's old DeepL copy is not deleted meanwhile.
     */
    public Translated translate(List<String> texts, String sourceLanguage, String context)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
        if (glossary == null) {
            return translate(texts, sourceLanguage, context, null);
        }
        try (GlossarySync.Lease lease = glossaries.lease(glossary)) {
            if (lease == null) {
                throw new GlossaryMissingException(glossary);
            }
            // Text DeepL detects in another language than the glossary's is translated without it.
            boolean applies = sourceLanguage != null
                    && lease.glossary().glossary().dictionary(sourceLanguage, targetLanguage).isPresent();
            return translate(texts, sourceLanguage, context, applies ? lease.glossary() : null);
        }
    }

    private Translated translate(List<String> texts, String sourceLanguage, String context, GlossarySync.Active glossary)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
        TextTranslationOptions options = options(context, null);
        // The key names the glossary's content, not its DeepL id, which is new with every copy made.
        String keyTarget = glossary == null ? targetLanguage : targetLanguage + " glossary " + glossary.glossary().hash();
        TextTranslationOptions requestOptions = glossary == null ? options : options(context, glossary.id());
        List<RequestPacker.Piece> pieces = packer.pack(texts, context).stream().flatMap(List::stream).toList();
        String[] keys = new String[pieces.size()];
        Map<String, TranslationCache.Entry> found = new HashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            keys[i] = cache.key(pieces.get(i).value(), sourceLanguage, keyTarget, options);
            if (found.containsKey(keys[i]) || missing.containsKey(keys[i])) {
                continue;
            }
            Optional<TranslationCache.Entry> cached = cache.get(keys[i]);
            if (cached.isPresent()) {
                found.put(keys[i], cached.get());
            } else {
                missing.put(keys[i], pieces.get(i).value());
            }
        }
        Map<String, String> textOf = Map.copyOf(missing);
        long billed = 0;
        boolean sent = false;
        while (!missing.isEmpty()) {
            Map<String, String> mine = new LinkedHashMap<>();
            Map<String, CompletableFuture<TranslationCache.Entry>> theirs = new LinkedHashMap<>();
            Map<String, CompletableFuture<TranslationCache.Entry>> held = inFlightTexts.claim(missing.keySet());
            for (Map.Entry<String, String> text : missing.entrySet()) {
                String key = text.getKey();
                CompletableFuture<TranslationCache.Entry> answer = held.get(key);
                if (answer != null) {
                    theirs.put(key, answer);
                    continue;
                }
                // Another worker may have stored it between the look-up above and the claim.
                Optional<TranslationCache.Entry> stored = cache.get(key);
                if (stored.isPresent()) {
                    found.put(key, stored.get());
                    inFlightTexts.finish(key, stored.get());
                } else {
                    mine.put(key, text.getValue());
                }
            }
            // Own requests first and waiting after, so two workers never wait for each other.
            billed += send(mine, sourceLanguage, context, requestOptions, found);
            sent |= !mine.isEmpty();
            missing.clear();
            for (Map.Entry<String, CompletableFuture<TranslationCache.Entry>> answer : theirs.entrySet()) {
                TranslationCache.Entry entry = await(answer.getValue());
                if (entry == null) {
                    missing.put(answer.getKey(), textOf.get(answer.getKey()));
                } else {
                    found.put(answer.getKey(), entry);
                }
            }
        }
        TranslationCache.Entry[] entries = new TranslationCache.Entry[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            entries[i] = found.get(keys[i]);
        }
        Translation.GlossaryUsed used = glossary == null ? null : new Translation.GlossaryUsed(glossary.name(), glossary.id(),
                glossary.glossary().dictionary(sourceLanguage, targetLanguage).orElseThrow().entries().size());
        return assemble(texts.size(), pieces, entries, billed, sourceLanguage, !sent, used);
    }

    /**
     * Sends the claimed texts (cache key to text) in as few requests as the limits allow, storing and
     * handing over each request's answers as soon as they come; returns the characters billed.
     */
    private long send(Map<String, String> claimed, String sourceLanguage, String context, TextTranslationOptions options,
                      Map<String, TranslationCache.Entry> found)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
        List<String> keys = List.copyOf(claimed.keySet());
        long billed = 0;
        try {
            for (List<RequestPacker.Piece> request : packer.pack(List.copyOf(claimed.values()), context)) {
                List<TextResult> results = call(request.stream().map(RequestPacker.Piece::value).toList(),
                        sourceLanguage, options);
                Map<String, TranslationCache.Entry> answers = new LinkedHashMap<>();
                for (int i = 0; i < results.size(); i++) {
                    TextResult result = results.get(i);
                    answers.put(keys.get(request.get(i).text()), new TranslationCache.Entry(result.getText(),
                            result.getDetectedSourceLanguage().toUpperCase(Locale.ROOT)));
                    billed += result.getBilledCharacters();
                }
                // Stored at once, so a later request of this article failing does not cost this one again.
                cache.put(answers);
                answers.forEach((key, entry) -> {
                    found.put(key, entry);
                    inFlightTexts.finish(key, entry);
                });
            }
        } finally {
            // Texts whose request failed or was never sent: a worker waiting for them sends them itself.
            for (String key : keys) {
                if (!found.containsKey(key)) {
                    inFlightTexts.finish(key, null);
                }
            }
        }
        return billed;
    }

    private TextTranslationOptions options(String context, String glossaryId) {
        TextTranslationOptions options = new TextTranslationOptions();
        if (context != null) {
            options.setContext(context);
        }
        if (formality != null) {
            options.setFormality(formality);
        }
        if (glossaryId != null) {
            options.setGlossaryId(glossaryId);
        }
        return options;
    }

    private static TranslationCache.Entry await(CompletableFuture<TranslationCache.Entry> answer)
            throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Only ever completed with a value", e);
        }
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

    /**
     * One request, sent once its characters are set aside in the budget and the in-flight limit has room;
     * a 429 shrinks the limit.
     */
    private List<TextResult> call(List<String> texts, String sourceLanguage, TextTranslationOptions options)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
        // DeepL bills the code points of the texts sent (not the context).
        DeeplBudget.Reserved reserved = budget.reserve(
                texts.stream().mapToLong(text -> text.codePointCount(0, text.length())).sum());
        InFlightLimit.Permit permit = null;
        try {
            permit = inFlight.acquire();
            long start = System.nanoTime();
            List<TextResult> results = client.translateText(texts, sourceLanguage, targetLanguage, options);
            // Counted now that DeepL has billed it, whatever becomes of the article.
            long billed = results.stream().mapToLong(TextResult::getBilledCharacters).sum();
            reserved.settle(billed);
            answers.answered(billed, System.nanoTime() - start);
            permit.succeeded();
            pause.answered();
            return results;
        } catch (TooManyRequestsException e) {
            LOG.warn("DeepL answers 429 (too many requests): at most {} of {} requests in flight for now.",
                    permit.throttled(), inFlight.max());
            throw e;
        } catch (DeepLException e) {
            Optional<SettingRejectedException> setting = SettingRejectedException.from(e, sourceLanguage, targetLanguage);
            if (setting.isPresent()) {
                throw setting.get();
            }
            Optional<ContentRejectedException> content = ContentRejectedException.from(e);
            if (content.isPresent()) {
                pause.answered();
                throw content.get();
            }
            // 403 and 456 pause the work and say so themselves; a 429 is ours to slow down for; the rest means
            // DeepL is not answering, which pauses the work too.
            if (e instanceof AuthorizationException || e instanceof QuotaExceededException) {
                throw e;
            }
            throw new DeeplUnreachableException(e);
        } finally {
            // Any other failure; no-ops once settled and the permit returned above.
            reserved.release();
            if (permit != null) {
                permit.failed();
            }
        }
    }

    /** Joins the pieces of each text again. */
    private static Translated assemble(int texts, List<RequestPacker.Piece> pieces, TranslationCache.Entry[] entries,
                                       long billed, String sourceLanguage, boolean allCached, Translation.GlossaryUsed glossary) {
        String[] translated = new String[texts];
        Map<String, Integer> detected = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            int text = pieces.get(i).text();
            translated[text] = translated[text] == null ? entries[i].text() : translated[text] + " " + entries[i].text();
            detected.merge(entries[i].detectedSourceLanguage(), 1, Integer::sum);
        }
        String detectedLanguage = detected.entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(sourceLanguage);
        return new Translated(List.of(translated), billed, detectedLanguage, allCached, glossary);
    }
}
