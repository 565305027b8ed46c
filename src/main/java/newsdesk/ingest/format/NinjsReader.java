package newsdesk.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import newsdesk.article.SourceMetadata;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;

/**
 * A JSON article: an IPTC ninjs item of version 1.x ({@code headline}, {@code body_text}/{@code body_html},
 * {@code byline}), 2.x or 3.x ({@code headlines}, {@code bodies}, {@code by}, {@code versioncreated} or
 * {@code versionCreated}), or a plain object with {@code title}/{@code headline} and {@code text}/{@code body}/{@code content}.
 */
public final class NinjsReader implements FormatReader {

    private final ObjectMapper json;
    private final ReadLimits limits;

    public NinjsReader(ReadLimits limits) {
        this.limits = limits;
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build()).build());
    }

    @Override
    public String format() {
        return "ninjs";
    }

    @Override
    public ParsedArticle read(String content) throws UnprocessableArticleException {
        JsonNode item;
        try {
            item = json.readTree(content);
        } catch (StreamConstraintsException e) {
            throw limits.tooDeep();
        } catch (JsonProcessingException e) {
            throw new UnprocessableArticleException("The .json file is not valid JSON: " + e.getOriginalMessage());
        }
        if (item == null || !item.isObject()) {
            throw new UnprocessableArticleException("The .json file holds " + (item == null ? "nothing" : "a JSON " + item.getNodeType().name().toLowerCase())
                    + ", not an article object (a ninjs item, or an object with a title and a text).");
        }
        String headline = first(text(item, "headline"), value(item, "headlines", "main"), text(item, "title"));
        List<String> paragraphs = body(item);
        if (paragraphs.isEmpty()) {
            throw new UnprocessableArticleException("The JSON object is not an article: it has no body text (none of body_text, body_html, "
                    + "bodies, text, body or content)" + (headline == null ? " and no headline (headline, headlines or title)." : "."));
        }
        List<String> keywords = new ArrayList<>();
        for (String field : new String[] {"subject", "subjects", "keywords"}) {
            for (JsonNode subject : item.path(field)) {
                String name = subject.isTextual() ? subject.asText() : subject.path("name").asText("");
                if (!name.isBlank()) {
                    keywords.add(name.strip());
                }
            }
        }
        SourceMetadata metadata = new SourceMetadata(headline,
                first(text(item, "byline"), text(item, "by"), text(item, "author")),
                first(text(item, "versioncreated"), text(item, "versionCreated"), text(item, "firstcreated"), text(item, "firstCreated"),
                        text(item, "date"), text(item, "published")),
                first(text(item, "uri"), text(item, "url")),
                first(text(item, "language"), text(item, "lang")),
                keywords,
                first(text(item, "description_text"), value(item, "descriptions", "summary"), text(item, "description")));
        return ParsedArticle.of(headline, paragraphs, metadata);
    }

    /** The main body: plain text split at its lines, or markup read block by block. */
    private List<String> body(JsonNode item) throws UnprocessableArticleException {
        String plain = first(text(item, "body_text"), text(item, "text"), text(item, "body"));
        String html = first(text(item, "body_html"), text(item, "content"));
        for (JsonNode body : item.path("bodies")) {
            String type = body.has("contenttype") ? body.path("contenttype").asText() : body.path("contentType").asText("text/plain");
            String role = body.path("role").asText("main");
            if (role.equals("main") || role.isEmpty()) {
                if (type.contains("html")) {
                    html = first(html, body.path("value").asText(null));
                } else {
                    plain = first(plain, body.path("value").asText(null));
                }
            }
        }
        if (plain != null) {
            List<String> lines = new ArrayList<>();
            for (String line : plain.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        }
        return html == null ? List.of() : HtmlFragment.paragraphs(html, limits);
    }

    /** The value of the entry of a ninjs array (headlines, descriptions) with this role, or else the first. */
    private static String value(JsonNode item, String field, String role) {
        String any = null;
        for (JsonNode entry : item.path(field)) {
            String value = entry.path("value").asText("").strip();
            if (!value.isEmpty() && role.equals(entry.path("role").asText())) {
                return value;
            }
            any = any == null && !value.isEmpty() ? value : any;
        }
        return any;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
