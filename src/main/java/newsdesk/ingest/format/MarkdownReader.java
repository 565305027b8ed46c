package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.article.SourceMetadata;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A CommonMark file, with optional YAML front matter (title, author, date, url, tags, lang, description)
 * as metadata; the first level-1 heading is the headline when the front matter names none. Headings,
 * paragraphs, list items and quotes become paragraphs; code and HTML blocks are not article text.
 */
public final class MarkdownReader implements FormatReader {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\R(.*?)\\R(?:---|\\.\\.\\.)[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);
    private final Parser parser;
    private final ReadLimits limits;

    /**
     * CommonMark keeps blocks nested past its limit as literal text ("> > > ..."), which would reach DeepL as
     * markup: the limit is set one past the depth limit, so a file that reaches it is refused instead.
     */
    public MarkdownReader(ReadLimits limits) {
        this.limits = limits;
        this.parser = Parser.builder().maxOpenBlockParsers(limits.maxDepth() + 1).maxInlineNesting(limits.maxDepth() + 1).build();
    }

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public ParsedArticle read(String content) throws UnprocessableArticleException {
        Map<?, ?> front = Map.of();
        String markdown = content;
        Matcher m = FRONT_MATTER.matcher(content);
        if (m.find()) {
            front = frontMatter(m.group(1));
            markdown = content.substring(m.end());
        }
        Node document = parser.parse(markdown);
        if (depth(document) > limits.maxDepth()) {
            throw limits.tooDeep();
        }
        Blocks blocks = new Blocks();
        document.accept(blocks);
        String headline = string(front.get("title"));
        // The first "# heading" is the headline, unless the front matter names another one.
        if (blocks.firstTitle != null && (headline == null || headline.equals(blocks.firstTitle))) {
            headline = blocks.firstTitle;
            blocks.paragraphs.remove(blocks.firstTitleIndex);
        }
        if (blocks.paragraphs.isEmpty()) {
            throw new UnprocessableArticleException("The Markdown file holds no article text (code and HTML blocks are not translated).");
        }
        SourceMetadata metadata = new SourceMetadata(headline, string(front.get("author")), string(front.get("date")),
                string(front.get("url")), string(front.get("lang")), list(front.get("tags")), string(front.get("description")));
        return ParsedArticle.of(headline, blocks.paragraphs, metadata);
    }

    /** How deeply the nodes nest below the document, walked without recursion. */
    private static int depth(Node document) {
        int deepest = 0;
        int depth = 0;
        Node node = document;
        while (node != null) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                deepest = Math.max(deepest, ++depth);
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == null || node == document ? null : node.getNext();
        }
        return deepest;
    }

    /** The front matter as a map; an empty one is none, anything but a map of keys is refused. */
    private Map<?, ?> frontMatter(String yaml) throws UnprocessableArticleException {
        if (yaml.isBlank()) {
            return Map.of();
        }
        Object loaded;
        try {
            // snakeyaml-engine builds only maps, lists and scalars, never objects of a named class, and limits aliases.
            LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(10).build();
            // Its parser keeps a stack of its own, its composer recurses: the depth is checked on the parser's events first.
            int depth = 0;
            for (Event event : new Parse(settings).parseString(yaml)) {
                if (event.getEventId() == Event.ID.MappingStart || event.getEventId() == Event.ID.SequenceStart) {
                    if (++depth > limits.maxDepth()) {
                        throw limits.tooDeep();
                    }
                } else if (event.getEventId() == Event.ID.MappingEnd || event.getEventId() == Event.ID.SequenceEnd) {
                    depth--;
                }
            }
            loaded = new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            // The front matter starts on the file's second line, after "---"; a value with ": " in it needs quotes.
            String line = e.getProblemMark().map(mark -> " at line " + (mark.getLine() + 2)).orElse("");
            throw new UnprocessableArticleException("The Markdown front matter is not valid YAML" + line + ": " + e.getProblem()
                    + " (a value holding \": \" needs quotes).");
        } catch (YamlEngineException e) {
            throw new UnprocessableArticleException("The Markdown front matter is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new UnprocessableArticleException("The Markdown front matter is not a list of keys (title:, author:, date: ...).");
        }
        return map;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private static String string(Object value) {
        if (value instanceof List<?> items) {
            List<String> names = list(items);
            return names.isEmpty() ? null : String.join(", ", names);
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }

    private static List<String> list(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().map(MarkdownReader::string).filter(s -> s != null).forEach(items::add);
        } else if (value != null) {
            for (String item : value.toString().split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** Collects the text blocks in order; code and HTML are left out. */
    private static final class Blocks extends AbstractVisitor {
        final List<String> paragraphs = new ArrayList<>();
        String firstTitle;
        int firstTitleIndex;

        @Override
        public void visit(Heading heading) {
            String text = inlineText(heading);
            if (heading.getLevel() == 1 && firstTitle == null && !text.isEmpty()) {
                firstTitle = text;
                firstTitleIndex = paragraphs.size();
            }
            add(text);
        }

        @Override
        public void visit(Paragraph paragraph) {
            add(inlineText(paragraph));
        }

        @Override
        public void visit(BlockQuote quote) {
            visitChildren(quote);
        }

        @Override
        public void visit(FencedCodeBlock code) {
            // Code is not translated.
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            // Code is not translated.
        }

        @Override
        public void visit(HtmlBlock html) {
            // Nor is markup.
        }

        private void add(String text) {
            if (!text.isBlank()) {
                paragraphs.add(text);
            }
        }

        private static String inlineText(Node block) {
            StringBuilder text = new StringBuilder();
            block.accept(new AbstractVisitor() {
                @Override
                public void visit(Text node) {
                    text.append(node.getLiteral());
                }

                @Override
                public void visit(Code node) {
                    text.append(node.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak node) {
                    text.append(' ');
                }

                @Override
                public void visit(HardLineBreak node) {
                    text.append(' ');
                }

                @Override
                public void visit(HtmlInline node) {
                    // Inline tags are left out, their text stays.
                }

                @Override
                public void visit(Image node) {
                    // An image's alt text is not article text.
                }
            });
            return ParsedArticle.oneLine(text.toString());
        }
    }
}
