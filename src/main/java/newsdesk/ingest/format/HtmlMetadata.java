package newsdesk.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import newsdesk.article.SourceMetadata;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page's metadata, from where publishers put it: JSON-LD ({@code NewsArticle} and kin), Open
 * Graph and article meta tags, Dublin Core, Parse.ly, the canonical link, {@code lang}, and at last the
 * page itself ({@code <title>} without the site name, {@code h1}, a byline element, {@code <time>}).
 */
final class HtmlMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting",
            "liveblogposting", "techarticle", "scholarlyarticle", "report", "webpage");
    /** Separators between a headline and the site name in a page title: "Headline | Site", "Site - Headline". */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—»·:/\\\\]\\s+|\\s+::\\s+");
    private static final Pattern BY = Pattern.compile("^(?i)(by|von|from)\\s+");

    private HtmlMetadata() {
    }

    static SourceMetadata of(Document page) {
        JsonNode ld = jsonLdArticle(page);
        Map<String, String> metas = metas(page);
        // In Readability's order of preference.
        String headline = first(text(ld, "headline"), meta(metas, "dc.title"), meta(metas, "dcterm.title"), meta(metas, "og.title"),
                meta(metas, "twitter.title"), meta(metas, "parsely-title"), pageTitle(page));
        return new SourceMetadata(
                withoutSiteName(headline, meta(metas, "og:site_name")),
                byline(page, metas, ld),
                first(text(ld, "datePublished"), meta(metas, "article:published_time"), meta(metas, "parsely-pub-date"),
                        meta(metas, "dc.date"), meta(metas, "dcterms.created"), meta(metas, "date"), meta(metas, "pubdate"),
                        meta(metas, "publishdate"), meta(metas, "sailthru.date"), timeElement(page)),
                first(attribute(page, "link[rel=canonical]", "abs:href"), meta(metas, "og:url"), text(ld, "url")),
                language(page, metas, ld),
                keywords(page, metas, ld),
                first(meta(metas, "og:description"), meta(metas, "description"), meta(metas, "twitter:description"),
                        text(ld, "description")));
    }

    /** The first JSON-LD object of an article type, also inside arrays and {@code @graph}. */
    private static JsonNode jsonLdArticle(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (Exception malformed) {
                // Broken JSON-LD is common; the meta tags still count.
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        if (types.stream().anyMatch(t -> ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT)) && !t.equalsIgnoreCase("webpage"))) {
            return node;
        }
        JsonNode inGraph = findArticle(node.get("@graph"));
        if (inGraph != null) {
            return inGraph;
        }
        return findArticle(node.get("mainEntity"));
    }

    private static String byline(Document page, Map<String, String> metas, JsonNode ld) {
        String fromLd = ld == null ? null : names(ld.get("author"));
        String found = first(fromLd, meta(metas, "dc.creator"), meta(metas, "dcterm.creator"), meta(metas, "author"),
                meta(metas, "parsely-author"), nonUrl(meta(metas, "article.author")), meta(metas, "byl"), meta(metas, "sailthru.author"));
        if (found == null) {
            // The page's own markup last, and only then: searching the whole page is the dear part.
            found = shortText(page, "[itemprop=author] [itemprop=name], [itemprop=author], [rel=author], .byline, .author, [class*=byline]");
        }
        if (found == null || found.startsWith("http")) {
            return null;
        }
        return BY.matcher(found).replaceFirst("").strip();
    }

    private static String names(JsonNode author) {
        if (author == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode one : author.isArray() ? author : List.of(author)) {
            String name = one.isTextual() ? one.asText() : text(one, "name");
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String language(Document page, Map<String, String> metas, JsonNode ld) {
        String lang = first(attribute(page, "html[lang]", "lang"), attribute(page, "html[xml:lang]", "xml:lang"),
                meta(metas, "content-language"), meta(metas, "og:locale"), text(ld, "inLanguage"), meta(metas, "language"));
        return lang == null ? null : lang.replace('_', '-');
    }

    private static List<String> keywords(Document page, Map<String, String> metas, JsonNode ld) {
        Set<String> keywords = new LinkedHashSet<>();
        for (Element tag : page.select("meta[property=article:tag]")) {
            keywords.add(tag.attr("content").strip());
        }
        String listed = first(meta(metas, "news_keywords"), meta(metas, "keywords"), text(ld, "keywords"));
        if (listed != null) {
            for (String keyword : listed.split("[,;]")) {
                keywords.add(keyword.strip());
            }
        }
        keywords.remove("");
        return new ArrayList<>(keywords);
    }

    private static String pageTitle(Document page) {
        String title = page.title();
        return title.isBlank() ? shortText(page, "h1") : title;
    }

    /**
     * "Headline | Site" becomes "Headline": a last (or, for "Site: Headline", first) part of at most three
     * words is taken for the site's name and dropped, unless that leaves too little of a headline.
     */
    static String withoutSiteName(String title, String siteName) {
        if (title == null) {
            return null;
        }
        String headline = ParsedArticle.oneLine(title);
        if (siteName != null && !siteName.isBlank()) {
            String site = siteName.strip();
            for (String separator : new String[] {" | ", " - ", " – ", " — ", " : ", ": ", " :: ", " » ", " · "}) {
                if (headline.endsWith(separator + site)) {
                    return headline.substring(0, headline.length() - separator.length() - site.length()).strip();
                }
                if (headline.startsWith(site + separator)) {
                    return headline.substring(site.length() + separator.length()).strip();
                }
            }
        }
        String[] parts = TITLE_SEPARATOR.split(headline);
        if (parts.length >= 2) {
            String last = parts[parts.length - 1];
            if (words(last) <= 3 && words(headline) - words(last) >= 3) {
                return headline.substring(0, headline.lastIndexOf(last)).replaceAll("[\\s|\\-–—»·:/\\\\]+$", "");
            }
        }
        return headline;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static String timeElement(Document page) {
        return first(attribute(page, "[itemprop=datePublished]", "content"), attribute(page, "time[itemprop=datePublished]", "datetime"),
                attribute(page, "time[pubdate]", "datetime"), attribute(page, "article time[datetime]", "datetime"));
    }

    /**
     * The page's meta tags by name, property, http-equiv or itemprop, each of which may list several
     * (property="dc:title og:title"); keys in lower case with ":" as "." (og:title, dc.title are one
     * spelling each), the first content of a key kept.
     */
    private static Map<String, String> metas(Document page) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : page.select("meta[content]")) {
            String content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attribute : new String[] {"name", "property", "http-equiv", "itemprop"}) {
                for (String key : meta.attr(attribute).split("\\s+")) {
                    if (!key.isEmpty()) {
                        metas.putIfAbsent(key.toLowerCase(Locale.ROOT).replace(':', '.'), content);
                    }
                }
            }
        }
        return metas;
    }

    private static String meta(Map<String, String> metas, String key) {
        return metas.get(key.replace(':', '.'));
    }

    private static String nonUrl(String value) {
        return value == null || value.startsWith("http") ? null : value;
    }

    private static String attribute(Document page, String selector, String attribute) {
        Element element = page.selectFirst(selector);
        String value = element == null ? "" : element.attr(attribute).strip();
        return value.isEmpty() ? null : value;
    }

    /** The text of the first element found that is short enough to be a name or a title. */
    private static String shortText(Document page, String selector) {
        for (Element element : page.select(selector)) {
            String text = ParsedArticle.oneLine(element.text());
            if (!text.isEmpty() && text.length() <= 100) {
                return text;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isTextual() ? item.asText() : item.path("name").asText("")));
            String joined = String.join(", ", items.stream().filter(s -> !s.isBlank()).toList());
            return joined.isBlank() ? null : joined;
        }
        if (value.isObject()) {
            return text(value, value.has("name") ? "name" : "@id");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : org.jsoup.parser.Parser.unescapeEntities(text, false);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
