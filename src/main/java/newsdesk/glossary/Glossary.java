package newsdesk.glossary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A glossary as a file under {@code config/glossaries/} holds it: its name (the file name without
 * extension), one dictionary per language pair, and a hash of that content, so an unchanged file is
 * recognised in DeepL's list and in the translation cache key.
 */
public record Glossary(String name, List<Dictionary> dictionaries, String hash) {

    /** Source term → target term for one language pair; codes upper case, the target without variant (EN, not EN-US). */
    public record Dictionary(String source, String target, Map<String, String> entries) {
    }

    public Glossary(String name, List<Dictionary> dictionaries) {
        this(name, sorted(dictionaries), hash(sorted(dictionaries)));
    }

    /** All entries of all dictionaries. */
    public int entryCount() {
        return dictionaries.stream().mapToInt(d -> d.entries().size()).sum();
    }

    /** The dictionary for this source and target language (a target variant such as EN-US counts as EN). */
    public Optional<Dictionary> dictionary(String source, String target) {
        String sourceBase = GlossaryLanguages.base(source);
        String targetBase = GlossaryLanguages.base(target);
        return dictionaries.stream()
                .filter(d -> d.source().equals(sourceBase) && d.target().equals(targetBase))
                .findFirst();
    }

    private static List<Dictionary> sorted(List<Dictionary> dictionaries) {
        return dictionaries.stream()
                .map(d -> new Dictionary(d.source(), d.target(), new TreeMap<>(d.entries())))
                .sorted(Comparator.comparing(Dictionary::source).thenComparing(Dictionary::target))
                .toList();
    }

    /** The first 12 hex digits of the SHA-256 of the dictionaries, in a fixed order. */
    private static String hash(List<Dictionary> dictionaries) {
        StringBuilder canonical = new StringBuilder();
        for (Dictionary dictionary : dictionaries) {
            canonical.append(dictionary.source()).append('>').append(dictionary.target()).append('\n');
            dictionary.entries().forEach((source, target) -> canonical.append(source).append('\t').append(target).append('\n'));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
