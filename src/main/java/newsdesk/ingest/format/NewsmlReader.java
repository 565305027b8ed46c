package newsdesk.ingest.format;

import static newsdesk.ingest.format.XmlBlocks.attribute;
import static newsdesk.ingest.format.XmlBlocks.child;
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

/**
 * An IPTC NewsML-G2 {@code newsItem} (on its own or the first in a {@code newsMessage}): metadata from
 * {@code itemMeta} and {@code contentMeta}, text from {@code contentSet/inlineXML} holding NITF or XHTML,
 * or from {@code inlineData} as plain text.
 */
public final class NewsmlReader implements FormatReader {

    private final SecureXml xml;

    public NewsmlReader(ReadLimits limits) {
        this.xml = new SecureXml(limits);
    }

    @Override
    public String format() {
        return "newsml-g2";
    }

    @Override
    public ParsedArticle read(String content) throws UnprocessableArticleException {
        Element root = xml.parse(content).getDocumentElement();
        Element item = root.getLocalName().equals("newsItem") ? root : descendant(root, "newsItem");
        if (item == null) {
            throw new UnprocessableArticleException("The NewsML-G2 document holds no newsItem.");
        }
        List<String> paragraphs = body(child(item, "contentSet"));
        if (paragraphs.isEmpty()) {
            throw new UnprocessableArticleException("The NewsML-G2 newsItem has no text (contentSet has no inlineXML with NITF or XHTML, nor inlineData).");
        }
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        List<String> keywords = new ArrayList<>();
        descendants(contentMeta, "keyword").forEach(keyword -> keywords.add(text(keyword)));
        for (Element subject : descendants(contentMeta, "subject")) {
            keywords.add(text(child(subject, "name")));
        }
        keywords.removeIf(k -> k == null);
        String headline = text(child(contentMeta, "headline"));
        SourceMetadata metadata = new SourceMetadata(headline,
                first(text(child(contentMeta, "by")), text(path(contentMeta, "creator", "name"))),
                first(text(child(itemMeta, "versionCreated")), text(child(itemMeta, "firstCreated")), text(child(contentMeta, "contentCreated"))),
                first(attribute(child(itemMeta, "link"), "href"), attribute(item, "guid")),
                first(attribute(child(contentMeta, "language"), "tag"), attribute(item, "xml:lang")),
                keywords,
                text(child(contentMeta, "description")));
        return ParsedArticle.of(headline, paragraphs, metadata);
    }

    private static List<String> body(Element contentSet) {
        Element inline = child(contentSet, "inlineXML");
        if (inline != null) {
            Element nitf = descendant(inline, "nitf");
            if (nitf != null) {
                return NitfReader.body(nitf);
            }
            Element body = descendant(inline, "body");
            return XmlBlocks.paragraphs(body != null ? body : inline);
        }
        Element data = child(contentSet, "inlineData");
        List<String> lines = new ArrayList<>();
        if (data != null) {
            for (String line : data.getTextContent().split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
