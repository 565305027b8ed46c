package newsdesk.translate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
     * Claims the keys no other worker is asking DeepL for: the caller must {@link #finish} each of them.
     * Returns, for the others, the answer of the worker that asked first (null if its request failed).
     * All at once, so two workers with the same article never split its texts between two requests.
     */
    public synchronized Map<String, CompletableFuture<TranslationCache.Entry>> claim(Collection<String> keys) {
        Map<String, CompletableFuture<TranslationCache.Entry>> theirs = new HashMap<>();
        for (String key : keys) {
            CompletableFuture<TranslationCache.Entry> answer = pending.putIfAbsent(key, new CompletableFuture<>());
            if (answer != null) {
                theirs.put(key, answer);
            }
        }
        return theirs;
    }

    /** The claimed text is translated ({@code entry}) or its request failed ({@code null}): the waiting workers go on. */
    public void finish(String key, TranslationCache.Entry entry) {
        CompletableFuture<TranslationCache.Entry> answer = pending.remove(key);
        if (answer != null) {
            answer.complete(entry);
        }
    }
}
