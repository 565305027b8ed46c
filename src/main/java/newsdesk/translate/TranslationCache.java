package newsdesk.translate;

import com.deepl.api.TextTranslationOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
 * translation, so the cache grows with the texts (not by a file per text). Each request's
 * answers are stored as soon as they come and appended to a {@link CacheJournal}; the file is
 * committed about once a second, so a killed process finds the rest in the journal at its next
 * start (a power cut may lose the newest).
 *
 * <p>Bounded by {@code maxBytes} of entries in two generations: new entries go into the current one,
 * and an entry found in the previous one is copied into the current one. Once the current generation
 * holds half the limit, the previous one is dropped whole and the current one becomes the previous:
 * what has not been used for a generation goes first, and dropping costs no more than a map.
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
    private static final String PREVIOUS_BYTES = "previous-bytes";
    private static final String GENERATION = "generation";
    private static final long COMMIT_INTERVAL_NANOS = 1_000_000_000L;

    /** A cached translation of one text. */
    public record Entry(String text, String detectedSourceLanguage) {
    }

    private final Path dir;
    private final long maxBytes;
    private final MVStore store;
    private final CacheJournal journal;
    /** The generation's number and the bytes its entries take, kept with the entries. */
    private final MVMap<String, Long> totals;
    /** Key to "detected language, NUL, translation", for the current and the previous generation (or null). */
    private volatile MVMap<String, String> current;
    private volatile MVMap<String, String> previous;
    private final ReentrantLock writing = new ReentrantLock();
    private long lastCommit;

    public TranslationCache(Path dir, long maxBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        Path file = null;
        MVStore opened = null;
        for (int slot = 1; slot <= MAX_FILES && opened == null; slot++) {
            file = dir.resolve(slot == 1 ? "translations.mv.db" : "translations-" + slot + ".mv.db");
            try {
                opened = openOrReplace(file);
            } catch (MVStoreException e) {
                LOG.debug("Cache file {} is in use ({}); trying the next one", file, e.getMessage());
            }
        }
        store = opened;
        if (store == null) {
            LOG.warn("All {} translation cache files in {} are in use by other processes: this one caches nothing, "
                    + "so texts it translates again are billed again.", MAX_FILES, dir);
            journal = null;
            totals = null;
            return;
        }
        totals = store.openMap("totals");
        long generation = totals.getOrDefault(GENERATION, 0L);
        current = store.openMap(GENERATION + generation);
        previous = store.hasMap(GENERATION + (generation - 1)) ? store.openMap(GENERATION + (generation - 1)) : null;
        journal = new CacheJournal(CacheJournal.beside(file));
        // What a process killed after its last commit had stored.
        store(journal.replay());
        commit();
    }

    private static MVStore openOrReplace(Path file) {
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

    /**
     * MVStore's own background thread commits now and then too, and compacts the file. Old versions
     * are not kept (retention 0), so the space of replaced pages is reused at once: this cache never
     * reads an older version, and after a power cut a damaged file is simply started afresh.
     */
    private static MVStore build(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.setRetentionTime(0);
        return store;
    }

    /** The key of a text translated with these languages and options ({@code sourceLanguage} null = detected). */
    public String key(String text, String sourceLanguage, String targetLanguage, TextTranslationOptions options) {
        String recipe = String.join("\n", FORMAT,
                sourceLanguage == null ? "auto" : sourceLanguage.toUpperCase(Locale.ROOT),
                targetLanguage.toUpperCase(Locale.ROOT), describe(options), text);
        return digest(recipe);
    }

    /** The entry of a key; one found in the previous generation is copied into the current one, to stay. */
    public Optional<Entry> get(String key) {
        if (store == null) {
            return Optional.empty();
        }
        String value = current.get(key);
        if (value == null) {
            value = fromPrevious(key);
        }
        if (value == null) {
            return Optional.empty();
        }
        int separator = value.indexOf('\0');
        return Optional.of(new Entry(value.substring(separator + 1), separator == 0 ? null : value.substring(0, separator)));
    }

    private String fromPrevious(String key) {
        MVMap<String, String> older = previous;
        String value;
        try {
            value = older == null ? null : older.get(key);
        } catch (MVStoreException dropped) {
            // Dropped by another thread just now.
            return null;
        }
        if (value != null) {
            writing.lock();
            try {
                store(key, value);
            } finally {
                writing.unlock();
            }
        }
        return value;
    }

    /**
     * Stores the answers of one request. A failure to write is logged, not thrown: the translation
     * itself succeeded, and losing the entries only means the texts would be billed again.
     */
    public void put(Map<String, Entry> answers) {
        if (store == null || answers.isEmpty()) {
            return;
        }
        writing.lock();
        try {
            store(answers);
            journal.append(answers);
            if (System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
                commit();
            }
        } catch (IOException | MVStoreException e) {
            LOG.warn("Could not store translations in the cache {} ({}); those texts would be billed again if they come back.",
                    dir, e.getMessage());
        } finally {
            writing.unlock();
        }
    }

    private void store(Map<String, Entry> answers) {
        for (Map.Entry<String, Entry> answer : answers.entrySet()) {
            Entry entry = answer.getValue();
            store(answer.getKey(), (entry.detectedSourceLanguage() == null ? "" : entry.detectedSourceLanguage())
                    + '\0' + entry.text());
        }
    }

    /** Puts an entry into the current generation, which gives way to a new one once it holds half the limit. */
    private void store(String key, String value) {
        String old = current.put(key, value);
        long bytes = totals.getOrDefault(BYTES, 0L) + size(value) - (old == null ? 0 : size(old));
        if (bytes > maxBytes / 2) {
            long generation = totals.getOrDefault(GENERATION, 0L) + 1;
            if (previous != null) {
                store.removeMap(previous);
            }
            previous = current;
            current = store.openMap(GENERATION + generation);
            totals.put(GENERATION, generation);
            totals.put(PREVIOUS_BYTES, bytes);
            bytes = 0;
        }
        totals.put(BYTES, bytes);
    }

    /** Writes the entries to the cache file; the journal then starts afresh. */
    private void commit() throws IOException {
        store.commit();
        journal.clear();
        lastCommit = System.nanoTime();
    }

    /** Bytes the entries of both generations take, as counted against the limit. */
    public long bytes() {
        return totals == null ? 0 : totals.getOrDefault(BYTES, 0L) + totals.getOrDefault(PREVIOUS_BYTES, 0L);
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
        if (store == null || store.isClosed()) {
            return;
        }
        writing.lock();
        try {
            commit();
            journal.discard();
        } catch (IOException e) {
            LOG.debug("Could not empty the cache journal in {}; it is read again at the next start", dir);
        } finally {
            store.close();
            writing.unlock();
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

    /** The first 144 bits of the SHA-256 (24 characters): short keys keep the file small, and no two texts share one. */
    private static String digest(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
