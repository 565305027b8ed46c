package newsdesk.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.article.SourceMetadata;

/**
 * A finished article as an IPTC ninjs 2.1 text item, for a CMS that takes ninjs: the translated headline
 * ({@code headlines}, role main) and text ({@code bodies}, text/plain), the summary ({@code descriptions},
 * role summary), the target language, the source's byline and keywords; the source item itself is an
 * {@code associations} entry (its URI, language and original headline), and Newsdesk's id, file name and
 * the source URI are {@code altids}.
 */
public class NinjsFormatter {

    static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";
    private final ObjectWriter writer = new ObjectMapper().writerWithDefaultPrettyPrinter();

    /** Route step: the result in the format a delivery target is set to, {@code newsdesk} (as it is) or {@code ninjs}. */
    public String inFormat(String result, Article article, String format) throws JsonProcessingException {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "newsdesk" -> result;
            case "ninjs" -> toJson(article);
            default -> throw new IllegalArgumentException("A delivery format is '" + format + "': set it to newsdesk or ninjs.");
        };
    }

    public String toJson(Article article) throws JsonProcessingException {
        ArticleText english = article.translation().text();
        SourceMetadata source = article.source().metadata();
        ObjectNode item = new ObjectMapper().createObjectNode();
        item.put("uri", "urn:newsdesk:article:" + article.id() + ":" + language(article.translation().targetLanguage()));
        ObjectNode standard = item.putObject("standard");
        standard.put("name", "ninjs");
        standard.put("version", "2.1");
        standard.put("schema", SCHEMA);
        item.put("type", "text");
        item.put("representationtype", "full");
        item.put("versioncreated", Instant.now().toString());
        if (dateTime(source.published()) != null) {
            item.put("contentcreated", dateTime(source.published()));
        }
        item.put("language", language(article.translation().targetLanguage()));
        if (english.title() != null) {
            value(item.putArray("headlines"), "main", null, english.title());
        }
        value(item.putArray("bodies"), "main", "text/plain", String.join("\n\n", paragraphsAfterTitle(english)));
        if (!article.summary().isEmpty()) {
            value(item.putArray("descriptions"), "summary", "text/plain", String.join(" ", article.summary()));
        }
        if (source.byline() != null) {
            item.put("by", source.byline());
        }
        if (!source.keywords().isEmpty()) {
            ArrayNode subjects = item.putArray("subjects");
            source.keywords().forEach(keyword -> subjects.addObject().put("name", keyword));
        }
        ArrayNode altids = item.putArray("altids");
        altids.addObject().put("role", "newsdesk-id").put("value", article.id());
        altids.addObject().put("role", "source-file").put("value", article.source().file());
        if (source.url() != null) {
            altids.addObject().put("role", "source-uri").put("value", source.url());
        }
        ObjectNode original = item.putArray("associations").addObject();
        original.put("name", "source");
        original.put("uri", sourceUri(article));
        original.put("type", "text");
        String sourceLanguage = article.sourceLanguage() != null ? article.sourceLanguage() : article.translation().detectedSourceLanguage();
        if (sourceLanguage != null) {
            original.put("language", language(sourceLanguage));
        }
        if (article.original().title() != null) {
            value(original.putArray("headlines"), "main", null, article.original().title());
        }
        return writer.writeValueAsString(item);
    }

    private static List<String> paragraphsAfterTitle(ArticleText text) {
        List<String> paragraphs = text.paragraphs();
        return text.hasTitle() ? paragraphs.subList(1, paragraphs.size()) : paragraphs;
    }

    /** The source's own URI when it is an absolute one, else one made from its SHA-256. */
    private static String sourceUri(Article article) {
        String url = article.source().metadata().url();
        try {
            if (url != null && java.net.URI.create(url).isAbsolute()) {
                return url;
            }
        } catch (IllegalArgumentException notAUri) {
            // Made below.
        }
        return "urn:newsdesk:source:" + article.source().sha256();
    }

    private static void value(ArrayNode array, String role, String contentType, String value) {
        ObjectNode entry = array.addObject();
        entry.put("role", role);
        if (contentType != null) {
            entry.put("contenttype", contentType);
        }
        entry.put("value", value);
    }

    /** DeepL's "EN-US" as BCP 47 "en-US". */
    private static String language(String code) {
        String[] parts = code.split("[-_]", 2);
        return parts[0].toLowerCase(Locale.ROOT) + (parts.length > 1 ? "-" + parts[1].toUpperCase(Locale.ROOT) : "");
    }

    /** An ISO 8601 date-time with offset as ninjs wants it, or null for another form ("20260315T1230+0100", "gestern"). */
    private static String dateTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
