package newsdesk.translate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts this node is asking DeepL for right now, by cache key: a worker that needs one of them
 * waits for that answer rather than paying for the text again (single flight). It covers one process
 * only; another process, with a cache file of its own, may pay for the same text at the same time.
 */
public class TranslationsInFlight {

    private final ConcurrentHashMap<String, CompletableFuture<TranslationCache.Entry>> pending = new ConcurrentHashMap<>();

    /**
     * Null when the caller is now the one to ask DeepL for {@code key}, and must {@link #finish} it;
     * otherwise the answer of the worker that asked first (null if its request failed).
     */
    public CompletableFuture<TranslationCache.Entry> claim(String key) {
        return pending.putIfAbsent(key, new CompletableFuture<>());
    }

    /** The claimed text is translated ({@code entry}) or its request failed ({@code null}): the waiting workers go on. */
    public void finish(String key, TranslationCache.Entry entry) {
        CompletableFuture<TranslationCache.Entry> answer = pending.remove(key);
        if (answer != null) {
            answer.complete(entry);
        }
    }
}
