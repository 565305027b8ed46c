package newsdesk.ingest.format;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Entity;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The JDK's XML parser set up for files from outside (OWASP's XXE advice): a DOCTYPE may name a DTD
 * (NITF files do) but no DTD or other external entity is ever loaded, entity expansion is bounded (an
 * "XML bomb" stops the parse), and a document declaring an external entity is refused outright. The
 * parse also stops at the depth limit and once expanded entities pass the text limit, so neither a deep
 * document nor a small file whose entities expand to megabytes is read whole.
 */
final class SecureXml {

    /** Entity expansions allowed in one document; real articles use a handful (&amp;auml; ...) or none. */
    static final int MAX_ENTITY_EXPANSIONS = 1000;
    private final DocumentBuilderFactory factory;
    private final ReadLimits limits;

    SecureXml(ReadLimits limits) {
        this.limits = limits;
        this.factory = factory(limits);
    }

    Document parse(String content) throws UnprocessableArticleException {
        Document document;
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Nothing is ever resolved from outside, whatever the parser is asked to look up.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            document = builder.parse(new InputSource(new StringReader(content)));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            // The JDK's codes: 6 is the depth limit, 3 and 4 the size of one entity and of all, 1 the expansions.
            if (message.contains("JAXP00010006")) {
                throw limits.tooDeep();
            }
            if (message.contains("JAXP00010003") || message.contains("JAXP00010004")) {
                throw limits.tooMuchText(-1);
            }
            if (message.contains("JAXP0001") || message.contains("entity expansion") || message.contains("entity expansions")) {
                throw new UnprocessableArticleException("The XML document expands entities beyond the limit of "
                        + MAX_ENTITY_EXPANSIONS + " (an \"XML bomb\"); Newsdesk does not read it.");
            }
            throw new UnprocessableArticleException("The XML document is not well-formed: " + message);
        } catch (IOException | ParserConfigurationException e) {
            throw new UnprocessableArticleException("The XML document cannot be read: " + e.getMessage());
        }
        refuseExternalEntities(document.getDoctype());
        return document;
    }

    /** An external entity (XXE) is never loaded; a document that declares one is refused so nobody wonders where its text went. */
    private static void refuseExternalEntities(DocumentType doctype) throws UnprocessableArticleException {
        if (doctype == null) {
            return;
        }
        NamedNodeMap entities = doctype.getEntities();
        for (int i = 0; i < entities.getLength(); i++) {
            Entity entity = (Entity) entities.item(i);
            if (entity.getSystemId() != null || entity.getPublicId() != null) {
                throw new UnprocessableArticleException("The XML document declares an external entity (" + entity.getNodeName()
                        + "); Newsdesk never loads one, so it does not read the document.");
            }
        }
    }

    private static DocumentBuilderFactory factory(ReadLimits limits) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.entityExpansionLimit", String.valueOf(MAX_ENTITY_EXPANSIONS));
            factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(limits.maxDepth()));
            // The JDK takes 0 as "no limit" and an int at most.
            String entityChars = String.valueOf(Math.max(1, Math.min(Integer.MAX_VALUE, limits.maxTextChars())));
            factory.setAttribute("jdk.xml.totalEntitySizeLimit", entityChars);
            factory.setAttribute("jdk.xml.maxGeneralEntitySizeLimit", entityChars);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(true);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
        }
    }
}
