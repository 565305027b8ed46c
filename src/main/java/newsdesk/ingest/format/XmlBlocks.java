package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Navigating the article XML formats (NITF, NewsML-G2, inline XHTML) by local names, whatever their namespaces. */
final class XmlBlocks {

    /** Text blocks of NITF's body.content and of XHTML. */
    private static final Set<String> BLOCKS = Set.of("p", "hl2", "hl3", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td", "th", "dt", "dd");
    /** Captions, media and code: not article text. */
    private static final Set<String> SKIPPED = Set.of("media", "media-caption", "media-reference", "figure", "figcaption", "img",
            "script", "style", "object", "note");

    private XmlBlocks() {
    }

    /** Each text block under the element as a paragraph, in order; a block holding blocks is read through them. */
    static List<String> paragraphs(Element root) {
        List<String> paragraphs = new ArrayList<>();
        collect(root, paragraphs);
        return paragraphs;
    }

    private static void collect(Element element, List<String> paragraphs) {
        for (Element child : children(element)) {
            String name = child.getLocalName();
            if (SKIPPED.contains(name)) {
                continue;
            }
            if (BLOCKS.contains(name) && !holdsBlocks(child)) {
                String text = ParsedArticle.oneLine(child.getTextContent());
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            } else {
                collect(child, paragraphs);
            }
        }
    }

    private static boolean holdsBlocks(Element element) {
        for (Element child : children(element)) {
            if (BLOCKS.contains(child.getLocalName()) || holdsBlocks(child)) {
                return true;
            }
        }
        return false;
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    /** The first child with this local name, or null. */
    static Element child(Element element, String localName) {
        if (element == null) {
            return null;
        }
        for (Element child : children(element)) {
            if (localName.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    /** Down a path of child names: path(nitf, "body", "body.head", "hedline", "hl1"). */
    static Element path(Element element, String... localNames) {
        Element current = element;
        for (String name : localNames) {
            current = child(current, name);
        }
        return current;
    }

    /** The first element with this local name anywhere below, or null. */
    static Element descendant(Element element, String localName) {
        if (element == null) {
            return null;
        }
        NodeList found = element.getElementsByTagNameNS("*", localName);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    static List<Element> descendants(Element element, String localName) {
        List<Element> all = new ArrayList<>();
        if (element != null) {
            NodeList found = element.getElementsByTagNameNS("*", localName);
            for (int i = 0; i < found.getLength(); i++) {
                all.add((Element) found.item(i));
            }
        }
        return all;
    }

    /** The element's text on one line, or null when it is absent or blank. */
    static String text(Node node) {
        if (node == null) {
            return null;
        }
        String text = ParsedArticle.oneLine(node.getTextContent());
        return text.isEmpty() ? null : text;
    }

    /** An attribute's value, or null when the element or the attribute is absent. */
    static String attribute(Element element, String name) {
        if (element == null) {
            return null;
        }
        String value = name.equals("xml:lang") ? element.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang") : element.getAttribute(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
