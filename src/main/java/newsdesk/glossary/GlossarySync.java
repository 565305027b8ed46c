package newsdesk.glossary;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLException;
import com.deepl.api.GlossaryEntries;
import com.deepl.api.MultilingualGlossaryDictionaryEntries;
import com.deepl.api.MultilingualGlossaryInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one DeepL glossary (v3, multilingual) per glossary file in step with the files: created when a
 * file is new or its content changed, reused when unchanged (found by its DeepL name
 * {@code newsdesk:<name>:<hash>}, also after a restart), deleted when no file names it any more.
 *
 * <p>DeepL glossaries are never edited in place: changed content gets a new glossary, and requests
 * started from then on use it. The old one is deleted by a later {@link #sync} once no request holding
 * a {@link Lease} on it is in flight. A broken or refused file leaves that glossary as it was (or
 * absent) and is reported in the {@link Outcome} as one line naming the file.
 */
public class GlossarySync {

    /** Prefix of the DeepL names of the glossaries Newsdesk made; others on the account are left alone. */
    public static final String DEEPL_NAME_PREFIX = "newsdesk:";

    private static final Logger LOG = LoggerFactory.getLogger(GlossarySync.class);

    /** A glossary as DeepL has it now: its file's content and its DeepL id. */
    public record Active(Glossary glossary, String id) {
        public String name() {
            return glossary.name();
        }
    }

    /** What a sync did: glossaries now in use under a new id, removed ones, and files that cannot be used. */
    public record Outcome(Set<String> changed, Set<String> removed, Map<Path, String> problems) {
    }

    private final DeepLClient client;
    private final Path folder;
    private volatile Map<String, Active> active = Map.of();
    /** Requests in flight per DeepL glossary id. Guarded by this for the switch-over; counted atomically. */
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private Set<String> supportedPairs;
    /** Whether a replaced glossary waits for its requests in flight before it can be deleted. */
    private volatile boolean deletionsWaiting;

    public GlossarySync(DeepLClient client, Path folder) {
        this.client = client;
        this.folder = folder;
    }

    /**
     * Reads the folder and brings DeepL in step with it. A glossary whose file is gone but which a
     * running desk still names ({@code needed}) is kept until no desk does. DeepL failing (network,
     * quota) throws; the glossaries in use stay as they were, and the next sync tries again.
     */
    public Outcome sync(Set<String> needed) throws DeepLException, InterruptedException {
        Map<Path, String> problems = new LinkedHashMap<>();
        Map<String, Glossary> wanted = readFolder(problems);
        Map<String, MultilingualGlossaryInfo> made = new HashMap<>();
        for (MultilingualGlossaryInfo info : client.listMultilingualGlossaries()) {
            if (info.getName() != null && info.getName().startsWith(DEEPL_NAME_PREFIX)) {
                made.put(info.getName(), info);
            }
        }
        Map<String, Active> before = active;
        Map<String, Active> after = new HashMap<>();
        Set<String> changed = new HashSet<>();
        for (Glossary glossary : wanted.values()) {
            Active current = before.get(glossary.name());
            if (current != null && current.glossary().hash().equals(glossary.hash())) {
                after.put(glossary.name(), current);
                continue;
            }
            MultilingualGlossaryInfo existing = made.get(deeplName(glossary));
            String id = existing != null ? existing.getGlossaryId() : create(glossary);
            after.put(glossary.name(), new Active(glossary, id));
            changed.add(glossary.name());
            LOG.info("Glossary {} ({} entries, {}) {} as DeepL glossary {}.", glossary.name(), glossary.entryCount(),
                    glossary.hash(), existing != null ? "reused" : "created", id);
        }
        // A file that is broken now keeps the glossary it had; so does one a running desk still names.
        for (Map.Entry<String, Active> kept : before.entrySet()) {
            if (after.containsKey(kept.getKey())) {
                continue;
            }
            if (brokenFileNamed(problems, kept.getKey())) {
                after.put(kept.getKey(), kept.getValue());
            } else if (needed.contains(kept.getKey())) {
                after.put(kept.getKey(), kept.getValue());
                problems.put(folder.resolve(kept.getKey()), "Glossary " + kept.getKey() + ": its file is gone from "
                        + folder + " but a running desk names it; kept until no desk does.");
            }
        }
        Set<String> removed = new HashSet<>(before.keySet());
        removed.removeAll(after.keySet());
        List<String> deletable = switchOver(after, made);
        for (String id : deletable) {
            client.deleteMultilingualGlossary(id);
            LOG.info("DeepL glossary {} deleted: no glossary file has that content any more.", id);
        }
        return new Outcome(changed, removed, problems);
    }

    /** Whether any glossary file is in step with DeepL now (so a sync may have one to remove). */
    public boolean hasAny() {
        return !active.isEmpty();
    }

    /** Whether a sync would delete a replaced glossary whose requests in flight have finished by then. */
    public boolean hasDeletionsWaiting() {
        return deletionsWaiting;
    }

    /** The glossary of this name as DeepL has it now, or null. */
    public Active get(String name) {
        return active.get(name);
    }

    /**
     * The glossary a desk translating {@code source} into {@code target} uses, checked: it exists and
     * has a dictionary for that pair, and the source language is given (DeepL needs it with a glossary).
     */
    public Active require(String desk, String name, String source, String target) throws GlossaryException {
        Active glossary = active.get(name);
        if (glossary == null) {
            throw new GlossaryException("Desk " + desk + ": glossary '" + name + "' is not in " + folder
                    + " (or its file cannot be used).");
        }
        if (source == null || source.isBlank() || source.equalsIgnoreCase("auto")) {
            throw new GlossaryException("Desk " + desk + ": a glossary needs a sourceLanguage; DeepL cannot apply one "
                    + "to text whose language it detects.");
        }
        if (glossary.glossary().dictionary(source, target).isEmpty()) {
            throw new GlossaryException("Desk " + desk + ": glossary '" + name + "' has no dictionary "
                    + GlossaryLanguages.base(source) + "→" + GlossaryLanguages.base(target) + ".");
        }
        return glossary;
    }

    /**
     * Holds the glossary's current DeepL id for one request, so a sync does not delete it meanwhile.
     * Null when there is no glossary of that name.
     */
    public synchronized Lease lease(String name) {
        Active glossary = active.get(name);
        if (glossary == null) {
            return null;
        }
        inFlight.computeIfAbsent(glossary.id(), id -> new AtomicInteger()).incrementAndGet();
        return new Lease(glossary);
    }

    /** A glossary in use by one request; closing it lets a replaced glossary be deleted. */
    public final class Lease implements AutoCloseable {
        private final Active glossary;
        private boolean closed;

        private Lease(Active glossary) {
            this.glossary = glossary;
        }

        public Active glossary() {
            return glossary;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inFlight.get(glossary.id()).decrementAndGet();
            }
        }
    }

    /** Swaps in the new glossaries and picks the DeepL glossaries no file and no request in flight uses. */
    private synchronized List<String> switchOver(Map<String, Active> after, Map<String, MultilingualGlossaryInfo> made) {
        active = Map.copyOf(after);
        Set<String> kept = after.values().stream().map(Active::id).collect(Collectors.toSet());
        List<String> deletable = new ArrayList<>();
        boolean waiting = false;
        for (MultilingualGlossaryInfo info : made.values()) {
            String id = info.getGlossaryId();
            AtomicInteger requests = inFlight.get(id);
            if (kept.contains(id)) {
                continue;
            }
            if (requests == null || requests.get() == 0) {
                deletable.add(id);
                inFlight.remove(id);
            } else {
                waiting = true;
            }
        }
        deletionsWaiting = waiting;
        return deletable;
    }

    private String create(Glossary glossary) throws DeepLException, InterruptedException {
        List<MultilingualGlossaryDictionaryEntries> dictionaries = glossary.dictionaries().stream()
                .map(d -> new MultilingualGlossaryDictionaryEntries(d.source(), d.target(), new GlossaryEntries(d.entries())))
                .toList();
        return client.createMultilingualGlossary(deeplName(glossary), dictionaries).getGlossaryId();
    }

    private static String deeplName(Glossary glossary) {
        return DEEPL_NAME_PREFIX + glossary.name() + ":" + glossary.hash();
    }

    /** The folder's glossaries by name; files that cannot be used go to problems instead. */
    private Map<String, Glossary> readFolder(Map<Path, String> problems) throws DeepLException, InterruptedException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).filter(GlossaryFile::isGlossaryFile).sorted().toList();
        } catch (IOException e) {
            // No folder: no glossaries.
            files = List.of();
        }
        Map<String, Glossary> byName = new LinkedHashMap<>();
        Map<String, Path> fileOf = new HashMap<>();
        for (Path file : files) {
            try {
                Glossary glossary = GlossaryFile.read(file);
                checkPairs(file, glossary);
                Path other = fileOf.putIfAbsent(glossary.name(), file);
                if (other != null) {
                    byName.remove(glossary.name());
                    problems.put(other, "Glossary " + other + ": " + file.getFileName() + " has the same name; keep one of them.");
                    throw new GlossaryException("Glossary " + file + ": " + other.getFileName()
                            + " has the same name; keep one of them.");
                }
                byName.put(glossary.name(), glossary);
            } catch (GlossaryException e) {
                problems.put(file, e.getMessage());
            }
        }
        return byName;
    }

    private void checkPairs(Path file, Glossary glossary) throws GlossaryException, DeepLException, InterruptedException {
        if (supportedPairs == null) {
            supportedPairs = client.getGlossaryLanguages().stream()
                    .map(pair -> GlossaryLanguages.base(pair.getSourceLanguage()) + ">"
                            + GlossaryLanguages.base(pair.getTargetLanguage()))
                    .collect(Collectors.toSet());
        }
        for (Glossary.Dictionary dictionary : glossary.dictionaries()) {
            if (!supportedPairs.contains(dictionary.source() + ">" + dictionary.target())) {
                throw new GlossaryException("Glossary " + file + ": DeepL has no glossaries for "
                        + dictionary.source() + "→" + dictionary.target() + ".");
            }
        }
    }

    private static boolean brokenFileNamed(Map<Path, String> problems, String name) {
        return problems.keySet().stream().anyMatch(file -> GlossaryFile.nameOf(file).equals(name));
    }
}
