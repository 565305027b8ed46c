package newsdesk.translate;

import com.deepl.api.TextTranslationOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translations DeepL has already billed, kept on disk so the same text is never paid for twice:
 * after a restart, a redelivery, or when the same article (or paragraph) arrives again.
 *
 * <p>One small JSON file per text under {@code <dir>/<first two hex digits>/<key>.json}, the key
 * being the SHA-256 of the text, source and target language and every option that changes the
 * translation. Entries are written to a temporary file and renamed, so a reader (this process or
 * another one sharing the data folder) sees a whole entry or none; an unreadable entry counts as
 * missing and is written again.
 */
public class TranslationCache {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationCache.class);
    /** Bumped when the entry format or key recipe changes, so old entries are simply not found. */
    private static final String FORMAT = "newsdesk-translation-cache-v1";
    /** Temporary files older than this were left by a process that died while writing. */
    private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    /** A cached translation of one text. */
    public record Entry(String text, String detectedSourceLanguage) {
    }

    private final Path dir;
    private final ObjectMapper mapper = new ObjectMapper();

    public TranslationCache(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        removeStaleTempFiles();
    }

    /** The key of a text translated with these languages and options ({@code sourceLanguage} null = detected). */
    public String key(String text, String sourceLanguage, String targetLanguage, TextTranslationOptions options) {
        String recipe = String.join("\n", FORMAT,
                sourceLanguage == null ? "auto" : sourceLanguage.toUpperCase(Locale.ROOT),
                targetLanguage.toUpperCase(Locale.ROOT), describe(options), text);
        return sha256(recipe);
    }

    public Optional<Entry> get(String key) {
        Path file = entryFile(key);
        try {
            JsonNode node = mapper.readTree(Files.readAllBytes(file));
            if (node != null && node.path("text").isTextual()) {
                return Optional.of(new Entry(node.get("text").asText(), node.path("detectedSourceLanguage").asText(null)));
            }
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException unreadable) {
            LOG.debug("Cache entry {} is unreadable and will be written again", key);
        }
        return Optional.empty();
    }

    /**
     * Stores an entry. A failure to write is logged, not thrown: the translation itself succeeded,
     * and losing the entry only means the text would be billed again.
     */
    public void put(String key, Entry entry) {
        Path file = entryFile(key);
        Path temp = file.resolveSibling("." + key + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            ObjectNode node = mapper.createObjectNode();
            node.put("text", entry.text());
            node.put("detectedSourceLanguage", entry.detectedSourceLanguage());
            Files.write(temp, mapper.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not store a translation in the cache {} ({}); the text would be billed again if it comes back.",
                    dir, e.getClass().getSimpleName());
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Nothing more to do: a stale temporary file is removed at the next start.
            }
        }
    }

    private Path entryFile(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
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

    private void removeStaleTempFiles() {
        Instant staleBefore = Instant.now().minus(STALE_TEMP_AGE);
        try (Stream<Path> files = Files.find(dir, 2, (path, attributes) -> path.getFileName().toString().endsWith(".tmp")
                && attributes.lastModifiedTime().toInstant().isBefore(staleBefore))) {
            for (Path stale : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            LOG.debug("Could not clean temporary files in {}", dir);
        }
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
