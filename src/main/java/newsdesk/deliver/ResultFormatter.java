package newsdesk.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newsdesk.Version;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.article.SourceMetadata;
import newsdesk.article.Translation;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;

/** Writes a finished article as the result JSON documented in the README and in result.schema.json. */
public class ResultFormatter {

    /** The header (and JMS property, Kafka header) naming the article's id. */
    public static final String ID_HEADER = "NewsdeskId";

    /** The text already was in the target language, so it was passed through untranslated. */
    private static final String ALREADY_IN_TARGET_LANGUAGE = "already-in-target-language";
    /** The text did not read like the configured source language, so DeepL detected its language. */
    private static final String SOURCE_LANGUAGE_DETECTED = "source-language-detected";
    private static final String SIMULATOR = "simulator";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectWriter writer = mapper.writerWithDefaultPrettyPrinter();
    /** What a DeepL translation is credited to: "simulator" when DeepL is the project's simulator. */
    private final String deeplEngine;

    public ResultFormatter() {
        this(false);
    }

    /** {@code simulator}: DeepL is the project's simulator (newsdesk.deepl.simulator), so results must not say deepl. */
    public ResultFormatter(boolean simulator) {
        deeplEngine = simulator ? SIMULATOR : Translation.DEEPL;
    }

    /**
     * Route step: the result JSON, with the article's id and file name in the headers NewsdeskId and
     * NewsdeskSourceFile, so queue readers can tell results apart without parsing them. (Set here:
     * a route expression such as {@code ${exchangeProperty.article.id}} costs more than the JSON.)
     */
    public String toMessage(Article article, @ExchangeProperty("desk") String desk, @Headers Map<String, Object> headers)
            throws JsonProcessingException {
        headers.put(ID_HEADER, article.id());
        headers.put("NewsdeskSourceFile", article.source().file());
        return toJson(article, desk);
    }

    /** The result of an article of this desk. */
    public String toJson(Article article, String desk) throws JsonProcessingException {
        Translation translation = article.translation();
        ArticleText english = translation.text();
        ObjectNode result = mapper.createObjectNode();
        result.put("id", article.id());
        result.put("desk", desk);

        ObjectNode source = result.putObject("source");
        source.put("file", article.source().file());
        source.put("bytes", article.source().bytes());
        source.put("sha256", article.source().sha256());
        source.put("receivedAt", article.source().receivedAt().toString());
        source.put("encoding", article.source().encoding());
        source.put("title", article.original().title());
        source.put("format", article.source().format());
        SourceMetadata found = article.source().metadata();
        ObjectNode metadata = source.putObject("metadata");
        putIfFound(metadata, "headline", found.headline());
        putIfFound(metadata, "byline", found.byline());
        putIfFound(metadata, "published", found.published());
        putIfFound(metadata, "url", found.url());
        putIfFound(metadata, "language", found.language());
        if (!found.keywords().isEmpty()) {
            strings(metadata.putArray("keywords"), found.keywords());
        }
        putIfFound(metadata, "description", found.description());

        result.put("title", english.title());
        ObjectNode language = result.putObject("language");
        // Null when DeepL was left to detect the language: then its answer is the source language.
        language.put("source", article.sourceLanguage() != null ? article.sourceLanguage()
                : translation.detectedSourceLanguage());
        language.put("target", translation.targetLanguage());

        ObjectNode translationNode = result.putObject("translation");
        translationNode.put("engine", Translation.DEEPL.equals(translation.engine()) ? deeplEngine : translation.engine());
        translationNode.put("mode", translation.mode().name().toLowerCase(Locale.ROOT));
        translationNode.put("text", english.text());
        strings(translationNode.putArray("paragraphs"), english.paragraphs());
        translationNode.put("billedCharacters", translation.billedCharacters());
        translationNode.put("detectedSourceLanguage", translation.detectedSourceLanguage());
        translationNode.put("cached", translation.cached());
        if (translation.glossary() != null) {
            ObjectNode glossary = translationNode.putObject("glossary");
            glossary.put("name", translation.glossary().name());
            glossary.put("id", translation.glossary().id());
            glossary.put("entries", translation.glossary().entries());
        }

        ObjectNode summary = result.putObject("summary");
        strings(summary.putArray("sentences"), article.summary());
        summary.put("text", String.join(" ", article.summary()));

        strings(result.putArray("flags"), flags(article));

        ObjectNode processing = result.putObject("processing");
        processing.put("startedAt", article.startedAt().toString());
        processing.put("durationMs", article.elapsedMs());
        processing.put("version", Version.get());
        return writer.writeValueAsString(result);
    }

    /** What a reader of the result should know about how it was made; documented in the README. */
    private static List<String> flags(Article article) {
        List<String> flags = new ArrayList<>();
        if (Translation.NONE.equals(article.translation().engine())) {
            flags.add(ALREADY_IN_TARGET_LANGUAGE);
        }
        if (article.sourceLanguage() == null) {
            flags.add(SOURCE_LANGUAGE_DETECTED);
        }
        flags.addAll(article.checkFlags());
        return flags;
    }

    private static void putIfFound(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }
}
