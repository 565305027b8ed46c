package newsdesk.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import newsdesk.glossary.GlossaryException;
import newsdesk.glossary.GlossarySync;
import newsdesk.summarize.ExtractiveSummarizer;
import newsdesk.translate.LanguageSettings;

/**
 * One desk: its own folders, languages, summary and glossary, from its file under {@code routes/desks/}.
 * {@link #parameters} are the values the route template {@code desk} is instantiated with.
 */
public record Desk(Path file, String name, Map<String, String> parameters) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRANSLATE = Set.of("full", "summary");
    private static final Set<String> SUMMARY_LANGUAGE = Set.of("target", "source");
    private static final Set<String> FORMALITY = Set.of("default", "more", "less", "prefer_more", "prefer_less");
    private static final Set<String> TARGETS = Set.of("file", "jms", "kafka", "webhook");
    /** The parameters that name a folder. */
    static final List<String> FOLDERS = List.of("inbox", "outbox", "archive", "error");
    /** The glossary parameter's value for none. */
    public static final String NO_GLOSSARY = "none";
    /** The sourceLanguage parameter's value for "DeepL detects it". */
    public static final String AUTO = "auto";

    /** The id of a desk's route: {@code desk-<name>}. */
    public static String routeId(String name) {
        return "desk-" + name;
    }

    /** Checks the values each on its own; IllegalArgumentException says which is wrong and why. */
    static Desk of(Path file, Map<String, String> values) {
        Desk desk = new Desk(file, values.get("desk"), Map.copyOf(values));
        oneOf(values, "translate", TRANSLATE);
        oneOf(values, "summaryLanguage", SUMMARY_LANGUAGE);
        oneOf(values, "formality", FORMALITY);
        number(values, "summarySentences", 1);
        number(values, "summaryMaxChars", 0);
        for (String target : desk.targets()) {
            if (!TARGETS.contains(target)) {
                throw new IllegalArgumentException("targets names '" + target + "'; use file, jms, kafka and/or webhook");
            }
        }
        language(values, "sourceLanguage", true);
        language(values, "targetLanguage", false);
        return desk;
    }

    public String routeId() {
        return routeId(name);
    }

    /**
     * The desk as its articles carry it to the workers (header NewsdeskDesk): its name and parameters.
     * A worker needs no desk files of its own.
     */
    public String toHeader() {
        try {
            return JSON.writeValueAsString(new TreeMap<>(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }

    /** The desk of an article taken from the work queue; the glossary it names is the worker's own. */
    public static Desk fromHeader(String header) {
        try {
            Map<String, String> values = JSON.readValue(header, new TypeReference<Map<String, String>>() { });
            return of(null, values);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The article's header NewsdeskDesk is not a desk: " + e.getMessage(), e);
        }
    }

    public Path inbox() {
        return Path.of(parameters.get("inbox"));
    }

    /** Where the file target writes this desk's results. */
    public String outbox() {
        return parameters.get("outbox");
    }

    /** Where originals go once their result is delivered. */
    public String archive() {
        return parameters.get("archive");
    }

    /** Where rejected files go, each with its report. */
    public String error() {
        return parameters.get("error");
    }

    /** full, or summary (only the title and summary sentences are translated). */
    public boolean translatesSummaryOnly() {
        return parameters.get("translate").equals("summary");
    }

    /** Whether the summary is picked from the original rather than from the translation. */
    public boolean summarizesSource() {
        return parameters.get("summaryLanguage").equals("source");
    }

    public int summarySentences() {
        return Integer.parseInt(parameters.get("summarySentences"));
    }

    public int summaryMaxChars() {
        return Integer.parseInt(parameters.get("summaryMaxChars"));
    }

    /** DeepL's formality option, as DeepL spells it; "default" leaves it to DeepL. */
    public String formality() {
        return parameters.get("formality");
    }

    /** The folders only this desk may use. */
    public List<Path> folders() {
        return FOLDERS.stream().map(key -> Path.of(parameters.get(key))).toList();
    }

    /** The source language, or null when DeepL detects it. */
    public String sourceLanguage() {
        String source = parameters.get("sourceLanguage");
        return source.equalsIgnoreCase(AUTO) ? null : source.toUpperCase(Locale.ROOT);
    }

    public String targetLanguage() {
        return parameters.get("targetLanguage").toUpperCase(Locale.ROOT);
    }

    /** The glossary's name, or null for none. */
    public String glossary() {
        String glossary = parameters.get("glossary");
        return glossary.equals(NO_GLOSSARY) ? null : glossary;
    }

    public List<String> targets() {
        return Arrays.stream(parameters.get("targets").split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * Checks what depends on more than the desk's own values: the glossary it names exists in DeepL with
     * its language pair (glossaries null: not checked here), and summaries can be made in the language it summarizes.
     */
    public void check(GlossarySync glossaries) throws DeskException {
        // A node that never translates (role ingest) leaves the glossary to the workers.
        if (glossary() != null && glossaries != null) {
            try {
                glossaries.require(name, glossary(), sourceLanguage(), targetLanguage());
            } catch (GlossaryException e) {
                throw new DeskException(e.getMessage() + " (" + file + ")");
            }
        }
        boolean fromSource = summarizesSource() || translatesSummaryOnly();
        String summarized = fromSource ? sourceLanguage() : targetLanguage();
        // An auto-detected source is summarized in its translation when there is no model for it.
        if (summarized != null && !ExtractiveSummarizer.summarizes(summarized)) {
            throw new DeskException("Desk " + name + ": no summaries in " + summarized + " (only "
                    + ExtractiveSummarizer.languages() + ")" + (fromSource ? "" : "; set summaryLanguage: source")
                    + " (" + file + ").");
        }
    }

    private static void oneOf(Map<String, String> values, String key, Set<String> allowed) {
        if (!allowed.contains(values.get(key))) {
            throw new IllegalArgumentException(key + " is '" + values.get(key) + "'; use one of " + allowed.stream().sorted().toList());
        }
    }

    private static void number(Map<String, String> values, String key, int least) {
        try {
            if (Integer.parseInt(values.get(key)) >= least) {
                return;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(key + " is '" + values.get(key) + "'; use a whole number of at least " + least);
    }

    /** One of DeepL's documented languages (the service's own settings are checked against DeepL's live list at start). */
    private static void language(Map<String, String> values, String key, boolean autoAllowed) {
        String value = values.get(key);
        if (autoAllowed && value.equalsIgnoreCase(AUTO)) {
            return;
        }
        boolean known = autoAllowed ? LanguageSettings.documentedSource(value) : LanguageSettings.documentedTarget(value);
        if (!known) {
            throw new IllegalArgumentException(key + " is '" + value + "', which DeepL does not translate "
                    + (autoAllowed ? "from" : "into") + "; use a DeepL language code such as DE, FR or EN-US"
                    + (autoAllowed ? ", or auto" : ""));
        }
    }
}
