package io.genja.netconf;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML as NETCONF needs it, with the JDK's parsers hardened against what a device (or whoever sits between it and us)
 * could send: a document with a DTD is refused outright, so no entity is ever expanded and no external file or URL is
 * ever read (XXE), and the JDK's secure-processing limits apply. NETCONF messages never carry a DTD (RFC 6241 §3).
 */
public final class Xml {

    /** The NETCONF base namespace: {@code rpc}, {@code rpc-reply}, {@code hello}, the operations and their errors. */
    public static final String BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private Xml() {
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The one that matters: any <!DOCTYPE> is a fatal error, so no entity can be declared at all.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // Belt and braces, should a parser ignore the feature above.
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support the features that keep it safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /**
     * Parses {@code xml}.
     *
     * @throws XmlException when it is not well-formed, or declares a DTD
     */
    public static Document parse(String xml) throws XmlException {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            builder.setErrorHandler(null); // errors are thrown, not printed to stderr
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new XmlException("the XML declares a DTD (<!DOCTYPE ...>), which is refused: NETCONF messages"
                        + " never carry one, and its entities could read local files or URLs (XXE)", e);
            }
            throw new XmlException("not well-formed XML: " + message, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlException("cannot read the XML: " + e.getMessage(), e);
        }
    }

    /** {@code node} as XML text, without an XML declaration; {@code indent} pretty-prints it two spaces deep. */
    public static String toString(Node node, boolean indent) {
        Node printed = node;
        if (indent) {
            printed = node.cloneNode(true);
            stripWhitespace(printed);
        }
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            if (indent) {
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(printed), new StreamResult(out));
            return out.toString().strip();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** The children of {@code parent}, each pretty-printed, one after the other: how a datastore's content reads. */
    public static String childrenToString(Element parent) {
        StringBuilder out = new StringBuilder();
        for (Element child : children(parent)) {
            out.append(toString(child, true)).append('\n');
        }
        return out.toString();
    }

    /** The element children of {@code parent}, in document order. */
    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** The first child of {@code parent} with this namespace and local name. */
    public static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Element child : children(parent)) {
            if (localName.equals(child.getLocalName()) && namespace.equals(child.getNamespaceURI())) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of the first child of {@code parent} in the base namespace with this name, or {@code null}. */
    static String childText(Element parent, String localName) {
        return child(parent, BASE_NS, localName).map(e -> e.getTextContent().strip()).orElse(null);
    }

    /** Escapes {@code text} for use as element content or an attribute value. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes whitespace-only text between elements, so that indenting starts from a clean tree. */
    private static void stripWhitespace(Node node) {
        boolean hasElements = node instanceof Element element && !children(element).isEmpty();
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (hasElements && child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                stripWhitespace(child);
            }
            child = next;
        }
    }

    /** XML that is not well-formed, or that is refused (a DTD). */
    public static final class XmlException extends Exception {
        XmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
