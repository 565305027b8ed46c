package newsdesk.deeplsim;

import com.deepl.api.GlossaryEntries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The simulator's glossaries: DeepL's v3 multilingual glossary endpoints as deepl-java 1.17 calls
 * them, and the dictionary a translate request with {@code glossary_id} applies.
 *
 * <ul>
 *   <li>{@code POST /v3/glossaries}: {@code name} and {@code dictionaries[i].source_lang},
 *       {@code .target_lang}, {@code .entries}, {@code .entries_format} (only {@code tsv}, which is what
 *       {@code createMultilingualGlossary} sends); answers the glossary's info.
 *   <li>{@code GET /v3/glossaries}, {@code GET|DELETE /v3/glossaries/{id}}.
 *   <li>{@code GET /v3/glossaries/{id}/entries?source_lang=&target_lang=}: that dictionary's entries as TSV.
 *   <li>{@code DELETE /v3/glossaries/{id}/dictionaries?source_lang=&target_lang=}.
 *   <li>{@code GET /v2/glossary-language-pairs}: every pair of two different glossary languages.
 * </ul>
 * Glossaries are never edited in place here (no PATCH or PUT: 405). Success answers 200 where DeepL
 * answers 201 or 204; deepl-java accepts either. An unknown glossary answers 404.
 */
final class SimGlossaries {

    /** The languages glossaries can have, by base code (EN covers EN-US and EN-GB). */
    static final Set<String> LANGUAGES = Set.of("DE", "EN", "FR", "ES", "IT", "NL", "PL", "JA");

    private static final Pattern DICTIONARY_FIELD = Pattern.compile("dictionaries\\[(\\d+)]\\.(\\w+)");
    private static final Pattern ID_PATH = Pattern.compile("/v3/glossaries/([^/]+)(/entries|/dictionaries)?");

    private record Dictionary(String source, String target, Map<String, String> entries) {
    }

    private record Glossary(String id, String name, String creationTime, List<Dictionary> dictionaries) {
    }

    private final Map<String, Glossary> byId = new ConcurrentHashMap<>();

    boolean handles(String path) {
        return path.startsWith("/v3/glossaries") || path.equals("/v2/glossary-language-pairs");
    }

    Object answer(String method, String path, Map<String, List<String>> params) throws DeeplSimulator.ApiError {
        if (path.equals("/v2/glossary-language-pairs")) {
            DeeplSimulator.requireMethod(method, "GET");
            return Map.of("supported_languages", languagePairs());
        }
        if (path.equals("/v3/glossaries") || path.equals("/v3/glossaries/")) {
            if (method.equals("POST")) {
                return info(create(params));
            }
            DeeplSimulator.requireMethod(method, "GET");
            return Map.of("glossaries", byId.values().stream()
                    .sorted(Comparator.comparing(Glossary::creationTime)).map(SimGlossaries::info).toList());
        }
        Matcher matcher = ID_PATH.matcher(path);
        if (!matcher.matches()) {
            throw new DeeplSimulator.ApiError(404, "Not found: " + path);
        }
        Glossary glossary = find(matcher.group(1));
        String sub = matcher.group(2);
        if (sub == null) {
            DeeplSimulator.requireMethod(method, "GET", "DELETE");
            if (method.equals("DELETE")) {
                byId.remove(glossary.id());
                return Map.of();
            }
            return info(glossary);
        }
        Dictionary dictionary = dictionary(glossary, DeeplSimulator.param(params, "source_lang"),
                DeeplSimulator.param(params, "target_lang"));
        if (sub.equals("/entries")) {
            DeeplSimulator.requireMethod(method, "GET");
            Map<String, Object> entries = new LinkedHashMap<>();
            entries.put("source_lang", dictionary.source().toLowerCase(Locale.ROOT));
            entries.put("target_lang", dictionary.target().toLowerCase(Locale.ROOT));
            entries.put("entries", new GlossaryEntries(dictionary.entries()).toTsv());
            entries.put("entries_format", "tsv");
            return Map.of("dictionaries", List.of(entries));
        }
        DeeplSimulator.requireMethod(method, "DELETE");
        List<Dictionary> kept = new ArrayList<>(glossary.dictionaries());
        kept.remove(dictionary);
        byId.put(glossary.id(), new Glossary(glossary.id(), glossary.name(), glossary.creationTime(), List.copyOf(kept)));
        return Map.of();
    }

    /**
     * The entries a translate request with this {@code glossary_id} applies: the glossary's dictionary for
     * the source and target language (the target's variant ignored). DeepL needs {@code source_lang} for it.
     */
    Map<String, String> entriesFor(String glossaryId, String sourceLang, String targetLang) throws DeeplSimulator.ApiError {
        if (sourceLang == null) {
            throw new DeeplSimulator.ApiError(400, "Use of a glossary requires the source_lang parameter to be set.");
        }
        return dictionary(find(glossaryId), sourceLang, targetLang).entries();
    }

    /** The names of the glossaries there are now, oldest first. */
    List<String> names() {
        return byId.values().stream().sorted(Comparator.comparing(Glossary::creationTime)).map(Glossary::name).toList();
    }

    void clear() {
        byId.clear();
    }

    private Glossary create(Map<String, List<String>> params) throws DeeplSimulator.ApiError {
        String name = DeeplSimulator.param(params, "name");
        if (name == null) {
            throw new DeeplSimulator.ApiError(400, "Parameter 'name' not specified.");
        }
        Map<Integer, Map<String, String>> fields = new TreeMap<>();
        params.forEach((key, values) -> {
            Matcher field = DICTIONARY_FIELD.matcher(key);
            if (field.matches() && !values.isEmpty()) {
                fields.computeIfAbsent(Integer.parseInt(field.group(1)), i -> new LinkedHashMap<>())
                        .put(field.group(2), values.get(0));
            }
        });
        if (fields.isEmpty()) {
            throw new DeeplSimulator.ApiError(400, "Parameter 'dictionaries' not specified.");
        }
        List<Dictionary> dictionaries = new ArrayList<>();
        for (Map<String, String> field : fields.values()) {
            String source = glossaryLanguage(field.get("source_lang"));
            String target = glossaryLanguage(field.get("target_lang"));
            if (source.equals(target)) {
                throw new DeeplSimulator.ApiError(400, "Source and target language of a dictionary must differ.");
            }
            if (!"tsv".equals(field.getOrDefault("entries_format", "tsv"))) {
                throw new DeeplSimulator.ApiError(400, "Only entries_format tsv is simulated.");
            }
            try {
                dictionaries.add(new Dictionary(source, target,
                        Map.copyOf(GlossaryEntries.fromTsv(field.getOrDefault("entries", "")))));
            } catch (IllegalArgumentException e) {
                throw new DeeplSimulator.ApiError(400, "Invalid glossary entries: " + e.getMessage());
            }
        }
        Glossary glossary = new Glossary(UUID.randomUUID().toString(), name, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                List.copyOf(dictionaries));
        byId.put(glossary.id(), glossary);
        return glossary;
    }

    private Glossary find(String id) throws DeeplSimulator.ApiError {
        Glossary glossary = id == null ? null : byId.get(id);
        if (glossary == null) {
            throw new DeeplSimulator.ApiError(404, "Glossary not found.");
        }
        return glossary;
    }

    private static Dictionary dictionary(Glossary glossary, String source, String target) throws DeeplSimulator.ApiError {
        String sourceBase = base(source);
        String targetBase = base(target);
        return glossary.dictionaries().stream()
                .filter(d -> d.source().equals(sourceBase) && d.target().equals(targetBase))
                .findFirst()
                .orElseThrow(() -> new DeeplSimulator.ApiError(404,
                        "Glossary has no dictionary for " + sourceBase + " to " + targetBase + "."));
    }

    private static String glossaryLanguage(String code) throws DeeplSimulator.ApiError {
        String base = base(code);
        if (!LANGUAGES.contains(base)) {
            throw new DeeplSimulator.ApiError(400, "Unsupported glossary language: " + code);
        }
        return base;
    }

    private static String base(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT).split("-")[0];
    }

    private static List<Map<String, String>> languagePairs() {
        return LANGUAGES.stream().sorted().flatMap(source -> LANGUAGES.stream().sorted()
                .filter(target -> !target.equals(source))
                .map(target -> Map.of("source_lang", source.toLowerCase(Locale.ROOT),
                        "target_lang", target.toLowerCase(Locale.ROOT))))
                .toList();
    }

    private static Map<String, Object> info(Glossary glossary) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("glossary_id", glossary.id());
        info.put("name", glossary.name());
        info.put("creation_time", glossary.creationTime());
        info.put("dictionaries", glossary.dictionaries().stream().map(d -> Map.of(
                "source_lang", d.source().toLowerCase(Locale.ROOT),
                "target_lang", d.target().toLowerCase(Locale.ROOT),
                "entry_count", d.entries().size())).collect(Collectors.toList()));
        return info;
    }
}
