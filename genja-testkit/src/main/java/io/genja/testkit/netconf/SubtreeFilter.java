package io.genja.testkit.netconf;

import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Subtree filtering (RFC 6241 §6): selection nodes (empty elements) take the whole subtree, content-match nodes
 * (leaves with text) keep only the entries whose leaf has that value, containment nodes walk down.
 */
final class SubtreeFilter {

    private SubtreeFilter() {
    }

    /** Copies what {@code filter}'s children select among {@code source}'s children into {@code out}. */
    static void select(Element source, Element filter, Element out) {
        for (Element f : ServerXml.children(filter)) {
            for (Element s : ServerXml.children(source)) {
                if (matches(s, f)) {
                    Element picked = pick(s, f, out);
                    if (picked != null) {
                        out.appendChild(picked);
                    }
                }
            }
        }
    }

    private static boolean matches(Element node, Element filter) {
        return Objects.equals(node.getLocalName(), filter.getLocalName())
                && (filter.getNamespaceURI() == null || Objects.equals(node.getNamespaceURI(), filter.getNamespaceURI()));
    }

    private static boolean isContentMatch(Element filter) {
        return ServerXml.isLeaf(filter) && !filter.getTextContent().isBlank();
    }

    /** {@code node} as far as {@code filter} selects it, imported for {@code out}'s document; {@code null} for nothing. */
    private static Element pick(Element node, Element filter, Element out) {
        List<Element> filterChildren = ServerXml.children(filter);
        if (isContentMatch(filter)) {
            return node.getTextContent().strip().equals(filter.getTextContent().strip()) ? imported(node, out, true)
                    : null;
        }
        for (Element content : filterChildren) {
            if (isContentMatch(content) && ServerXml.children(node).stream().noneMatch(
                    child -> matches(child, content)
                            && child.getTextContent().strip().equals(content.getTextContent().strip()))) {
                return null;
            }
        }
        if (filterChildren.stream().allMatch(SubtreeFilter::isContentMatch)) {
            return imported(node, out, true);
        }
        Element copy = imported(node, out, false);
        boolean selected = false;
        for (Element child : ServerXml.children(node)) {
            for (Element f : filterChildren) {
                if (!matches(child, f)) {
                    continue;
                }
                Element picked = isContentMatch(f) ? imported(child, out, true) : pick(child, f, out);
                if (picked != null) {
                    copy.appendChild(picked);
                    selected |= !isContentMatch(f);
                }
                break;
            }
        }
        return selected ? copy : null;
    }

    private static Element imported(Element node, Element out, boolean deep) {
        return (Element) out.getOwnerDocument().importNode(node, deep);
    }
}
