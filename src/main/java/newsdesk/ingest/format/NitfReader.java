package newsdesk.ingest.format;

import static newsdesk.ingest.format.XmlBlocks.attribute;
import static newsdesk.ingest.format.XmlBlocks.descendant;
import static newsdesk.ingest.format.XmlBlocks.descendants;
import static newsdesk.ingest.format.XmlBlocks.first;
import static newsdesk.ingest.format.XmlBlocks.path;
import static newsdesk.ingest.format.XmlBlocks.text;

import java.util.ArrayList;
import java.util.List;
import newsdesk.article.SourceMetadata;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.w3c.dom.Element;

/** An IPTC NITF 3.x document: headline {@code hedline/hl1}, {@code byline}, {@code abstract}, text {@code body.content}. */
public final class NitfReader implements FormatReader {

    private final SecureXml xml;

    public NitfReader(ReadLimits limits) {
        this.xml = new SecureXml(limits);
    }

    @Override
    public String format() {
        return "nitf";
    }

    @Override
    public ParsedArticle read(String content) throws UnprocessableArticleException {
        Element nitf = xml.parse(content).getDocumentElement();
        List<String> paragraphs = body(nitf);
        if (paragraphs.isEmpty()) {
            throw new UnprocessableArticleException("The NITF document has no body text (body/body.content is missing or empty).");
        }
        Element head = path(nitf, "head");
        Element bodyHead = path(nitf, "body", "body.head");
        List<String> keywords = new ArrayList<>();
        descendants(head, "keyword").forEach(keyword -> keywords.add(first(attribute(keyword, "key"), text(keyword))));
        keywords.removeIf(k -> k == null);
        String headline = first(text(path(bodyHead, "hedline", "hl1")), text(path(head, "title")));
        SourceMetadata metadata = new SourceMetadata(headline,
                text(path(bodyHead, "byline")),
                first(attribute(path(head, "pubdata"), "date.publication"), attribute(descendant(head, "date.issue"), "norm"),
                        attribute(descendant(bodyHead, "story.date"), "norm")),
                attribute(path(head, "pubdata"), "ex-ref"),
                first(attribute(nitf, "xml:lang"), attribute(path(nitf, "body"), "xml:lang")),
                keywords,
                text(path(bodyHead, "abstract")));
        return ParsedArticle.of(headline, paragraphs, metadata);
    }

    /** The paragraphs of a NITF document's {@code body/body.content}; empty when it has none. */
    static List<String> body(Element nitf) {
        Element content = path(nitf, "body", "body.content");
        return content == null ? List.of() : XmlBlocks.paragraphs(content);
    }
}
