package newsdesk.translate;

import com.deepl.api.TextTranslationOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Service;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translations DeepL has already billed, kept on disk so the same text is never paid for twice:
 * after a restart, a redelivery, or when the same article (or paragraph) arrives again.
 *
 * <p>One embedded key-value file (H2 MVStore, {@code <dir>/translations.mv.db}) maps the SHA-256 of
 * the text, source and target language and every option that changes the translation to the
 * translation, so the cache takes about as much space as the texts themselves. Each request's
 * answers are committed together as soon as they come (a killed process keeps them; a power cut may
 * lose the newest). Past {@code maxBytes} of entries the oldest are dropped until 90 % is left.
 *
 * <p>An MVStore file belongs to one process at a time. A second process on the same data folder
 * (a standby, another worker) finds it locked and takes the next free file, {@code
 * translations-2.mv.db} and so on: each process then has a cache of its own, and a text one of them
 * has paid for may be paid for again by another. A file that cannot be read is moved aside and a
 * new one started; should no file open at all, translations are simply not cached.
 */
public class TranslationCache implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationCache.class);
    /** Bumped when the entry format or key recipe changes, so old entries are simply not found. */
    private static final String FORMAT = "newsdesk-translation-cache-v2";
    private static final int MAX_FILES = 16;
    /** What an entry costs beyond its text, roughly: the key and MVStore's bookkeeping. */
    private static final int ENTRY_OVERHEAD_BYTES = 96;
    private static final String BYTES = "bytes";
    private static final String NEXT = "next";

    /** A cached translation of one text. */
    public record Entry(String text, String detectedSourceLanguage) {
    }

    private final Path dir;
    private final long maxBytes;
    private final MVStore store;
    /** Key to "detected language, NUL, translation". */
    private final MVMap<String, String> entries;
    /** Order of writing (a sequence number) to key: the oldest are dropped first. */
    private final MVMap<Long, String> order;
    /** The running total of entry bytes and the next sequence number, kept with the entries. */
    private final MVMap<String, Long> totals;
    private final ReentrantLock writing = new ReentrantLock();

    public TranslationCache(Path dir, long maxBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        this.store = open();
        if (store == null) {
            entries = null;
            order = null;
            totals = null;
            return;
        }
        entries = store.openMap("entries");
        order = store.openMap("order");
        totals = store.openMap("totals");
    }

    /** The first cache file of the folder no other process holds; null when none can be opened. */
    private MVStore open() {
        for (int slot = 1; slot <= MAX_FILES; slot++) {
            Path file = dir.resolve(slot == 1 ? "translations.mv.db" : "translations-" + slot + ".mv.db");
            try {
                return openOrReplace(file);
            } catch (MVStoreException e) {
                LOG.debug("Cache file {} is in use ({}); trying the next one", file, e.getMessage());
            }
        }
        LOG.warn("All {} translation cache files in {} are in use by other processes: this one caches nothing, "
                + "so texts it translates again are billed again.", MAX_FILES, dir);
        return null;
    }

    private MVStore openOrReplace(Path file) {
        try {
            return build(file);
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw e;
            }
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            LOG.warn("The translation cache {} cannot be read ({}); moved aside to {} and started afresh.",
                    file, e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                throw e;
            }
            return build(file);
        }
    }

    private static MVStore build(Path file) {
        // Besides the commit after each request's answers, MVStore's background thread commits and compacts.
        return new MVStore.Builder().fileName(file.toString()).open();
    }

    /** The key of a text translated with these languages and options ({@code sourceLanguage} null = detected). */
    public String key(String text, String sourceLanguage, String targetLanguage, TextTranslationOptions options) {
        String recipe = String.join("\n", FORMAT,
                sourceLanguage == null ? "auto" : sourceLanguage.toUpperCase(Locale.ROOT),
                targetLanguage.toUpperCase(Locale.ROOT), describe(options), text);
        return sha256(recipe);
    }

    public Optional<Entry> get(String key) {
        String value = entries == null ? null : entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        int separator = value.indexOf('\0');
        return Optional.of(new Entry(value.substring(separator + 1), separator == 0 ? null : value.substring(0, separator)));
    }

    /**
     * Stores the answers of one request and commits them. A failure to write is logged, not thrown:
     * the translation itself succeeded, and losing the entries only means the texts would be billed again.
     */
    public void put(Map<String, Entry> answers) {
        if (store == null || answers.isEmpty()) {
            return;
        }
        writing.lock();
        try {
            long bytes = totals.getOrDefault(BYTES, 0L);
            long next = totals.getOrDefault(NEXT, 0L);
            for (Map.Entry<String, Entry> answer : answers.entrySet()) {
                Entry entry = answer.getValue();
                String value = (entry.detectedSourceLanguage() == null ? "" : entry.detectedSourceLanguage())
                        + '\0' + entry.text();
                String old = entries.put(answer.getKey(), value);
                bytes += size(value) - (old == null ? 0 : size(old));
                order.put(next++, answer.getKey());
            }
            bytes = evictOldest(bytes);
            totals.put(BYTES, bytes);
            totals.put(NEXT, next);
            store.commit();
        } catch (MVStoreException e) {
            LOG.warn("Could not store translations in the cache {} ({}); those texts would be billed again if they come back.",
                    dir, e.getMessage());
        } finally {
            writing.unlock();
        }
    }

    /** Drops the oldest entries while they take more than the limit, down to 90 % of it. */
    private long evictOldest(long bytes) {
        if (bytes <= maxBytes) {
            return bytes;
        }
        long target = maxBytes - maxBytes / 10;
        while (bytes > target && !order.isEmpty()) {
            String removed = entries.remove(order.remove(order.firstKey()));
            if (removed != null) {
                bytes -= size(removed);
            }
        }
        return bytes;
    }

    /** Bytes the cache's entries take, as counted against the limit. */
    public long bytes() {
        return totals == null ? 0 : totals.getOrDefault(BYTES, 0L);
    }

    private static long size(String value) {
        return ENTRY_OVERHEAD_BYTES + value.length();
    }

    @Override
    public void start() {
        // Opened when built, so a problem shows before the first article.
    }

    /** Writes what is left and lets go of the file, for the next process. */
    @Override
    public void stop() {
        if (store != null && !store.isClosed()) {
            store.close();
        }
    }

    /** Every option that can change DeepL's output; those Newsdesk leaves unset add nothing. */
    private static String describe(TextTranslationOptions options) {
        if (options == null) {
            return "";
        }
        StringBuilder description = new StringBuilder();
        append(description, "formality", options.getFormality());
        append(description, "glossary", options.getGlossaryId());
        append(description, "glossaries", options.getGlossaryIds());
        append(description, "style", options.getStyleId());
        append(description, "memory", options.getTranslationMemoryId());
        append(description, "memoryThreshold", options.getTranslationMemoryThreshold());
        append(description, "splitting", options.getSentenceSplittingMode());
        append(description, "preserveFormatting", options.isPreserveFormatting() ? true : null);
        append(description, "context", options.getContext());
        append(description, "model", options.getModelType());
        append(description, "tags", options.getTagHandling());
        append(description, "tagsVersion", options.getTagHandlingVersion());
        append(description, "outline", options.getTagHandling() != null ? options.isOutlineDetection() : null);
        append(description, "ignoreTags", options.getIgnoreTags());
        append(description, "nonSplittingTags", options.getNonSplittingTags());
        append(description, "splittingTags", options.getSplittingTags());
        append(description, "instructions", options.getCustomInstructions());
        append(description, "extra", options.getExtraBodyParameters() == null ? null : new TreeMap<>(options.getExtraBodyParameters()));
        return description.toString();
    }

    private static void append(StringBuilder description, String name, Object value) {
        if (value != null) {
            String text = value instanceof Iterable<?> values ? String.join("\u0001", strings(values)) : value.toString();
            // Length-prefixed, so no value can imitate another option.
            description.append(name).append('=').append(text.length()).append(':').append(text).append(';');
        }
    }

    private static List<String> strings(Iterable<?> values) {
        List<String> strings = new ArrayList<>();
        values.forEach(value -> strings.add(String.valueOf(value)));
        return strings;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
