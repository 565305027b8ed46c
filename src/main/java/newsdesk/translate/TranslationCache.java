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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import newsdesk.state.Condition;
import newsdesk.state.ServiceState;
import newsdesk.state.StoragePause;
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
 *
 * <p>A translation DeepL has billed is kept in memory (up to {@link #MAX_UNSTORED_BYTES}) until it is on disk.
 * Should the cache file take no writes (a full disk: MVStore then closes itself; no permission), the cache
 * enters {@link Condition#CACHE_UNAVAILABLE}, which stops new work before the next DeepL request, and tries to
 * open the file again with backoff; the kept translations are stored once it opens, so an article tried again
 * is not billed again. A file deleted while Newsdesk runs is written anew from the open one. A file found
 * rolled back to an earlier state, or a damaged journal, is said in a WARN with what was lost.
 */
public class TranslationCache implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationCache.class);
    /** Bumped when the entry format or key recipe changes, so old entries are simply not found. */
    private static final String FORMAT = "newsdesk-translation-cache-v2";
    private static final int MAX_FILES = 16;
    /** What an entry costs beyond its text, roughly: the key and MVStore's bookkeeping. */
    private static final int ENTRY_OVERHEAD_BYTES = 96;
    /** Paid translations kept while they cannot be stored: hours of work, well within the heap. */
    private static final long MAX_UNSTORED_BYTES = 32L * 1024 * 1024;
    private static final String BYTES = "bytes";
    private static final String PREVIOUS_BYTES = "previous-bytes";
    private static final String GENERATION = "generation";
    /** Entries ever put, so a file rolled back to an earlier state shows by holding fewer than the journal's mark. */
    private static final String STORED = "stored";
    private static final long COMMIT_INTERVAL_NANOS = 1_000_000_000L;

    /** A cached translation of one text. */
    public record Entry(String text, String detectedSourceLanguage) {
    }

    private final Path dir;
    private final long maxBytes;
    /** Told when the cache cannot be written; null: only logged. */
    private final ServiceState state;
    private final long maxProbeMs;
    /** The cache file this process uses; null if every one is in use by other processes. */
    private final Path file;
    private volatile MVStore store;
    private CacheJournal journal;
    /** The generation's number and the bytes its entries take, kept with the entries. */
    private MVMap<String, Long> totals;
    /** Key to "detected language, NUL, translation", for the current and the previous generation (or null). */
    private volatile MVMap<String, String> current;
    private volatile MVMap<String, String> previous;
    private final ReentrantLock writing = new ReentrantLock();
    private long lastCommit;
    /** The file takes no writes: translations are kept in {@link #unstored} until it does. */
    private volatile boolean unavailable;
    /** Paid translations not yet on disk (in the file or its journal), oldest first. */
    private final Map<String, Entry> unstored = new LinkedHashMap<>();
    private long unstoredBytes;

    /** A cache that only logs when it cannot be written (tests, tools). */
    public TranslationCache(Path dir, long maxBytes) throws IOException {
        this(dir, maxBytes, null, 0);
    }

    public TranslationCache(Path dir, long maxBytes, ServiceState state, long maxProbeMs) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        this.state = state;
        this.maxProbeMs = maxProbeMs;
        Path slot = null;
        MVStore opened = null;
        for (int n = 1; n <= MAX_FILES && opened == null; n++) {
            slot = dir.resolve(n == 1 ? "translations.mv.db" : "translations-" + n + ".mv.db");
            try {
                opened = openOrReplace(slot);
            } catch (MVStoreException e) {
                LOG.debug("Cache file {} is in use ({}); trying the next one", slot, e.getMessage());
            }
        }
        if (opened == null) {
            LOG.warn("All {} translation cache files in {} are in use by other processes: this one caches nothing, "
                    + "so texts it translates again are billed again.", MAX_FILES, dir);
            file = null;
            return;
        }
        file = slot;
        attach(opened);
    }

    /** Takes {@code opened} as the store, with what its journal holds beyond it (a process killed after its last commit). */
    private void attach(MVStore opened) throws IOException {
        totals = opened.openMap("totals");
        long generation = totals.getOrDefault(GENERATION, 0L);
        current = opened.openMap(GENERATION + generation);
        previous = opened.hasMap(GENERATION + (generation - 1)) ? opened.openMap(GENERATION + (generation - 1)) : null;
        store = opened;
        journal = new CacheJournal(CacheJournal.beside(file));
        CacheJournal.Replay replay = journal.replay();
        long stored = totals.getOrDefault(STORED, 0L);
        if (replay.storedAtCommit() > stored) {
            LOG.warn("The translation cache {} was cut short or damaged and went back to an earlier state: about {} "
                    + "translation(s) stored before its last commit are lost; their texts are billed again if they come back.",
                    file, replay.storedAtCommit() - stored);
        }
        if (replay.droppedBytes() > 0) {
            LOG.warn("The translation cache journal {} has a damaged record at byte {}: the {} byte(s) from there, "
                    + "translations not yet in the cache file, are lost; their texts are billed again if they come back.",
                    CacheJournal.beside(file), replay.damagedAt(), replay.droppedBytes());
        }
        store(replay.entries());
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

    /**
     * The entry of a key; one found in the previous generation is copied into the current one, to stay.
     *
     * @throws CacheUnavailableException while the file cannot be used and the text is not among those kept in
     *     memory: it may be in the file, so it must not be paid for again now
     */
    public Optional<Entry> get(String key) {
        synchronized (unstored) {
            Entry kept = unstored.get(key);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        if (file == null) {
            return Optional.empty();
        }
        checkAvailable();
        String value;
        try {
            value = current.get(key);
            if (value == null) {
                value = fromPrevious(key);
            }
        } catch (MVStoreException e) {
            writing.lock();
            try {
                failed(e);
            } finally {
                writing.unlock();
            }
            throw new CacheUnavailableException(dir);
        }
        if (value == null) {
            return Optional.empty();
        }
        int separator = value.indexOf('\0');
        return Optional.of(new Entry(value.substring(separator + 1), separator == 0 ? null : value.substring(0, separator)));
    }

    /** Before a DeepL request: none goes out while a paid translation could not be kept on disk. */
    public void checkAvailable() {
        if (unavailable) {
            throw new CacheUnavailableException(dir);
        }
    }

    private String fromPrevious(String key) {
        MVMap<String, String> older = previous;
        String value;
        try {
            value = older == null ? null : older.get(key);
        } catch (MVStoreException dropped) {
            if (store.isClosed()) {
                throw dropped;
            }
            // Dropped by another thread just now.
            return null;
        }
        if (value != null) {
            writing.lock();
            try {
                if (!unavailable) {
                    store(key, value);
                }
            } finally {
                writing.unlock();
            }
        }
        return value;
    }

    /**
     * Stores the answers of one request. They are kept in memory first, and until they are on disk: should the
     * file take no writes, the cache becomes unavailable (no DeepL request goes out meanwhile) and the translation
     * itself still counts. Nothing is thrown.
     */
    public void put(Map<String, Entry> answers) {
        if (file == null || answers.isEmpty()) {
            return;
        }
        writing.lock();
        try {
            keep(answers);
            if (unavailable) {
                return;
            }
            store(answers);
            journal.append(answers);
            forget(answers);
            if (System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
                commit();
            }
        } catch (IOException | MVStoreException e) {
            failed(e);
        } finally {
            writing.unlock();
        }
    }

    private void keep(Map<String, Entry> answers) {
        synchronized (unstored) {
            answers.forEach((key, entry) -> {
                if (unstored.put(key, entry) == null) {
                    unstoredBytes += size(entry.text());
                }
            });
            var oldest = unstored.entrySet().iterator();
            while (unstoredBytes > MAX_UNSTORED_BYTES && oldest.hasNext()) {
                unstoredBytes -= size(oldest.next().getValue().text());
                oldest.remove();
                if (unstoredBytes <= MAX_UNSTORED_BYTES) {
                    LOG.warn("The translation cache {} has taken no writes for long: paid translations beyond {} MB "
                            + "kept in memory are dropped, oldest first; their texts are billed again if they come back.",
                            dir, MAX_UNSTORED_BYTES >> 20);
                }
            }
        }
    }

    private void forget(Map<String, Entry> answers) {
        synchronized (unstored) {
            for (String key : answers.keySet()) {
                Entry entry = unstored.remove(key);
                if (entry != null) {
                    unstoredBytes -= size(entry.text());
                }
            }
        }
    }

    /** The file took no write (or MVStore closed it after one failed): let go of it and say so, once. */
    private void failed(Exception e) {
        if (unavailable) {
            return;
        }
        unavailable = true;
        closeQuietly();
        String reason = StoragePause.rootCause(e);
        if (state == null) {
            LOG.warn("The translation cache {} cannot be written ({}); paid translations are kept in memory until it can.",
                    dir, reason);
            return;
        }
        state.enter(Condition.CACHE_UNAVAILABLE, "The translation cache " + dir + " cannot be written (" + reason
                        + "); translations DeepL has billed are kept in memory until it can, so none is paid for twice.",
                "Free space on its disk, or let the user Newsdesk runs as write there; Newsdesk opens it again by itself, "
                        + "at growing intervals up to " + maxProbeMs / 1000 + " s.",
                this::reopen, maxProbeMs);
    }

    /**
     * The probe while unavailable: opens the file again (a new one if the folder or file was deleted), with its
     * journal, and stores the translations kept in memory. True once they are on disk.
     */
    boolean reopen() throws IOException {
        writing.lock();
        try {
            if (!unavailable) {
                return true;
            }
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                LOG.warn("The translation cache {} is gone (deleted while Newsdesk ran): the translations it held are lost "
                        + "and their texts are billed again if they come back; a new one is started.", file);
            }
            MVStore opened = openOrReplace(file);
            try {
                attach(opened);
                Map<String, Entry> kept;
                synchronized (unstored) {
                    kept = new LinkedHashMap<>(unstored);
                }
                store(kept);
                commit();
                forget(kept);
            } catch (IOException | MVStoreException e) {
                closeQuietly();
                throw e;
            }
            unavailable = false;
            return true;
        } finally {
            writing.unlock();
        }
    }

    private void closeQuietly() {
        MVStore open = store;
        if (open != null && !open.isClosed()) {
            // Without writing: it is closed after a commit, or because writes fail.
            open.closeImmediately();
        }
        try {
            if (journal != null) {
                journal.close();
            }
        } catch (IOException e) {
            LOG.debug("Could not close the cache journal in {}: {}", dir, e.getMessage());
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
        if (old == null) {
            totals.put(STORED, totals.getOrDefault(STORED, 0L) + 1);
        }
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

    /**
     * Writes the entries to the cache file; the journal then starts afresh. A file deleted meanwhile (with its
     * folder, perhaps) would take the writes and lose them at the next start: it is written anew first.
     */
    private void commit() throws IOException {
        if (!Files.exists(file)) {
            rewriteDeleted();
        }
        store.commit();
        journal.clear(totals.getOrDefault(STORED, 0L));
        lastCommit = System.nanoTime();
    }

    /** The open store still holds what the deleted file did: copied into a new file, so nothing is lost. */
    private void rewriteDeleted() throws IOException {
        MVStore old = store;
        Files.createDirectories(dir);
        MVStore fresh = build(file);
        long copied = 0;
        for (String name : old.getMapNames()) {
            MVMap<Object, Object> from = old.openMap(name);
            fresh.openMap(name).putAll(from);
            copied += name.startsWith(GENERATION) ? from.size() : 0;
        }
        fresh.commit();
        LOG.warn("The translation cache {} was deleted while Newsdesk ran: its {} translation(s) are written to a new file, "
                + "so none is lost (what a restart meanwhile would have lost).", file, copied);
        old.closeImmediately();
        journal.close();
        attach(fresh);
    }

    /** Bytes the entries of both generations take, as counted against the limit. */
    public long bytes() {
        return file == null || unavailable ? 0 : totals.getOrDefault(BYTES, 0L) + totals.getOrDefault(PREVIOUS_BYTES, 0L);
    }

    private static long size(String value) {
        return ENTRY_OVERHEAD_BYTES + value.length();
    }

    @Override
    public void start() {
        // Opened when built, so a problem shows before the first article.
    }

    /**
     * Writes what is left and lets go of the file, for the next process. The journal stays, empty but for its
     * mark, so a file cut short meanwhile is noticed at the next start.
     */
    @Override
    public void stop() {
        if (file == null) {
            return;
        }
        writing.lock();
        try {
            synchronized (unstored) {
                if (!unstored.isEmpty()) {
                    LOG.warn("{} paid translation(s) could not be stored in the translation cache {}: their texts are billed "
                            + "again if they come back.", unstored.size(), dir);
                }
            }
            if (unavailable || store.isClosed()) {
                return;
            }
            commit();
        } catch (IOException | MVStoreException e) {
            LOG.debug("Could not empty the cache journal in {}; it is read again at the next start", dir);
        } finally {
            closeQuietly();
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
