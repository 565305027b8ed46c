package newsdesk.glossary;

import com.deepl.api.GlossaryEntries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one glossary file: {@code <name>.yaml} (or {@code .yml}) with
 * {@code dictionaries: [{source: DE, target: EN, entries: {"OVKS": "CSTO"}}]}, or a CSV/TSV file as
 * DeepL exports them, one entry a line: {@code source term, target term, source language, target
 * language}. A CSV/TSV file named {@code <name>.<source>-<target>.csv} may leave out the two language
 * columns. Anything wrong gives a {@link GlossaryException} naming the file and the problem.
 */
public final class GlossaryFile {

    /** Glossary and desk names: letters, digits and '-', so they are safe in file, route and DeepL names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern FILE_NAME = Pattern.compile("([^.]+)(?:\\.([A-Za-z]{2,3})-([A-Za-z]{2,3}))?\\.(yaml|yml|csv|tsv)");
    private static final Set<String> DICTIONARY_KEYS = Set.of("source", "target", "entries");

    private GlossaryFile() {
    }

    /** Whether the folder watcher should read this file as a glossary. */
    public static boolean isGlossaryFile(Path file) {
        return FILE_NAME.matcher(file.getFileName().toString().toLowerCase(Locale.ROOT)).matches();
    }

    /** The glossary's name: the file name up to its first dot. */
    public static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.indexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    public static Glossary read(Path file) throws GlossaryException {
        Matcher fileName = FILE_NAME.matcher(file.getFileName().toString());
        if (!fileName.matches()) {
            throw problem(file, "not a glossary file name (<name>.yaml, <name>.csv or <name>.tsv)");
        }
        String name = fileName.group(1);
        if (!NAME.matcher(name).matches()) {
            throw problem(file, "the name '" + name + "' may only have letters, digits and '-'");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw problem(file, "not UTF-8 text");
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String extension = fileName.group(4).toLowerCase(Locale.ROOT);
        List<Glossary.Dictionary> dictionaries = extension.startsWith("y")
                ? fromYaml(file, text)
                : fromTable(file, text, extension.equals("tsv") ? '\t' : ',', fileName.group(2), fileName.group(3));
        return new Glossary(name, dictionaries);
    }

    private static List<Glossary.Dictionary> fromYaml(Path file, String text) throws GlossaryException {
        Object root;
        try {
            root = YamlFile.load(file.toString(), text);
        } catch (IllegalArgumentException e) {
            throw problem(file, e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("dictionaries") instanceof List<?> list) || list.isEmpty()) {
            throw problem(file, "needs 'dictionaries:' with a list of {source, target, entries}");
        }
        for (Object key : top.keySet()) {
            if (!"dictionaries".equals(key)) {
                throw problem(file, "unknown key '" + key + "' (only 'dictionaries')");
            }
        }
        List<Glossary.Dictionary> dictionaries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "dictionary " + (i + 1);
            if (!(list.get(i) instanceof Map<?, ?> dictionary)) {
                throw problem(file, where + " is not a mapping of source, target and entries");
            }
            for (Object key : dictionary.keySet()) {
                if (!DICTIONARY_KEYS.contains(String.valueOf(key))) {
                    throw problem(file, where + ": unknown key '" + key + "' (source, target, entries)");
                }
            }
            if (!(dictionary.get("entries") instanceof Map<?, ?> entries) || entries.isEmpty()) {
                throw problem(file, where + " needs 'entries:' with at least one \"source term\": \"target term\"");
            }
            Map<String, String> terms = new LinkedHashMap<>();
            entries.forEach((source, target) -> terms.put(String.valueOf(source), target == null ? "" : String.valueOf(target)));
            add(file, dictionaries, where, string(dictionary.get("source")), string(dictionary.get("target")), terms);
        }
        return dictionaries;
    }

    private static List<Glossary.Dictionary> fromTable(Path file, String text, char separator, String source,
                                                       String target) throws GlossaryException {
        Map<List<String>, Map<String, String>> byPair = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            List<String> fields = fields(lines.get(i), separator);
            if (fields.size() != 4 && !(fields.size() == 2 && source != null)) {
                throw problem(file, where + " has " + fields.size() + " fields; expected source term, target term, "
                        + "source language, target language" + (source == null ? "" : " (or only the two terms)"));
            }
            List<String> pair = fields.size() == 4 ? List.of(fields.get(2), fields.get(3)) : List.of(source, target);
            Map<String, String> terms = byPair.computeIfAbsent(pair, p -> new LinkedHashMap<>());
            if (terms.put(fields.get(0).strip(), fields.get(1).strip()) != null) {
                throw problem(file, where + " repeats the source term '" + fields.get(0).strip() + "'");
            }
        }
        if (byPair.isEmpty()) {
            throw problem(file, "has no entries");
        }
        List<Glossary.Dictionary> dictionaries = new ArrayList<>();
        for (Map.Entry<List<String>, Map<String, String>> pair : byPair.entrySet()) {
            add(file, dictionaries, pair.getKey().get(0) + "→" + pair.getKey().get(1),
                    pair.getKey().get(0), pair.getKey().get(1), pair.getValue());
        }
        return dictionaries;
    }

    /** Checks one dictionary as DeepL would (languages, terms) and adds it. */
    private static void add(Path file, List<Glossary.Dictionary> dictionaries, String where, String source, String target,
                            Map<String, String> terms) throws GlossaryException {
        if (!GlossaryLanguages.wellFormed(source) || !GlossaryLanguages.wellFormed(target)) {
            throw problem(file, where + " needs a source and a target language code such as DE and EN (has "
                    + source + " and " + target + ")");
        }
        String sourceBase = GlossaryLanguages.base(source);
        String targetBase = GlossaryLanguages.base(target);
        if (sourceBase.equals(targetBase)) {
            throw problem(file, where + " translates " + sourceBase + " into itself");
        }
        if (dictionaries.stream().anyMatch(d -> d.source().equals(sourceBase) && d.target().equals(targetBase))) {
            throw problem(file, where + " repeats the language pair " + sourceBase + "→" + targetBase);
        }
        for (Map.Entry<String, String> term : terms.entrySet()) {
            try {
                GlossaryEntries.validateGlossaryTerm(term.getKey());
                GlossaryEntries.validateGlossaryTerm(term.getValue());
            } catch (IllegalArgumentException e) {
                throw problem(file, where + ", entry '" + term.getKey() + "': " + e.getMessage());
            }
        }
        dictionaries.add(new Glossary.Dictionary(sourceBase, targetBase, Map.copyOf(terms)));
    }

    /** One CSV (RFC 4180 quoting) or TSV line's fields. */
    private static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"' && (quoted || field.toString().isBlank())) {
                quoted = !quoted;
                if (quoted) {
                    field.setLength(0);
                }
            } else if (c == separator && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static GlossaryException problem(Path file, String what) {
        return new GlossaryException("Glossary " + file + ": " + what + ".");
    }
}
