package io.genja.testkit.netconf;

import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * {@code <edit-config>} on a datastore tree (RFC 6241 §7.2): the operations merge, replace, create, delete, remove
 * and none, from {@code <default-operation>} or a node's {@code nc:operation}. Without a data model, a list entry is
 * told by its first child, when that is a leaf named like a key ({@code name}, {@code id} unless configured): YANG
 * puts list keys first in XML (RFC 7950 §7.8.5). Any other element is a container or a leaf, matched by name.
 */
final class EditConfig {

    private static final Set<String> OPERATIONS = Set.of("merge", "replace", "create", "delete", "remove", "none");

    private final Set<String> keyLeaves;

    EditConfig(Set<String> keyLeaves) {
        this.keyLeaves = keyLeaves;
    }

    /** Applies {@code config} (a {@code <config>} element) to {@code datastore} (the root holding the config nodes). */
    void apply(Element datastore, Element config, String defaultOperation) throws RpcFailure {
        if ("replace".equals(defaultOperation)) {
            while (datastore.getFirstChild() != null) {
                datastore.removeChild(datastore.getFirstChild());
            }
            defaultOperation = "merge";
        }
        for (Element edit : ServerXml.children(config)) {
            apply(datastore, edit, defaultOperation, "");
        }
    }

    private void apply(Element parent, Element edit, String inherited, String parentPath) throws RpcFailure {
        String operation = edit.getAttributeNS(ServerXml.BASE_NS, "operation");
        if (operation.isEmpty()) {
            operation = inherited;
        }
        String path = parentPath + "/" + edit.getLocalName();
        if (!OPERATIONS.contains(operation)) {
            throw new RpcFailure("protocol", "bad-attribute", "operation \"" + operation + "\" is not one of "
                    + OPERATIONS, path, "<bad-attribute>operation</bad-attribute><bad-element>" + edit.getLocalName()
                    + "</bad-element>");
        }
        Element existing = find(parent, edit);
        switch (operation) {
            case "delete" -> {
                if (existing == null) {
                    throw new RpcFailure("application", "data-missing", "cannot delete " + path
                            + ": it does not exist", path, null);
                }
                parent.removeChild(existing);
            }
            case "remove" -> {
                if (existing != null) {
                    parent.removeChild(existing);
                }
            }
            case "create" -> {
                if (existing != null) {
                    throw new RpcFailure("application", "data-exists", "cannot create " + path + ": it exists", path,
                            null);
                }
                parent.appendChild(copy(parent.getOwnerDocument(), edit));
            }
            case "replace" -> {
                Node copy = copy(parent.getOwnerDocument(), edit);
                if (existing != null) {
                    parent.replaceChild(copy, existing);
                } else {
                    parent.appendChild(copy);
                }
            }
            default -> mergeOrNone(parent, edit, existing, operation, path);
        }
    }

    private void mergeOrNone(Element parent, Element edit, Element existing, String operation, String path)
            throws RpcFailure {
        if (ServerXml.isLeaf(edit)) {
            if ("merge".equals(operation)) {
                if (existing == null) {
                    parent.appendChild(copy(parent.getOwnerDocument(), edit));
                } else {
                    existing.setTextContent(edit.getTextContent().strip());
                }
            }
            return;
        }
        boolean created = existing == null;
        Element target = existing;
        if (created) {
            target = (Element) parent.getOwnerDocument().importNode(edit, false);
            cleanAttributes(target);
            parent.appendChild(target);
        }
        for (Element child : ServerXml.children(edit)) {
            apply(target, child, operation, path);
        }
        // "none" only walks down to the nodes that say what to do: an entry it had to create for that stays only
        // when something below it was created.
        if (created && "none".equals(operation) && ServerXml.children(target).size() <= (isListEntry(edit) ? 1 : 0)) {
            parent.removeChild(target);
        }
    }

    /** The node of {@code parent} that {@code edit} addresses, or {@code null}. */
    Element find(Element parent, Element edit) {
        for (Element candidate : ServerXml.children(parent)) {
            if (!Objects.equals(candidate.getLocalName(), edit.getLocalName())
                    || !Objects.equals(candidate.getNamespaceURI(), edit.getNamespaceURI())) {
                continue;
            }
            if (!isListEntry(edit)) {
                return candidate;
            }
            Element key = ServerXml.children(edit).get(0);
            Element candidateKey = ServerXml.child(candidate, key.getLocalName());
            if (candidateKey != null && candidateKey.getTextContent().strip().equals(key.getTextContent().strip())) {
                return candidate;
            }
        }
        return null;
    }

    private boolean isListEntry(Element element) {
        var children = ServerXml.children(element);
        return !children.isEmpty() && ServerXml.isLeaf(children.get(0)) && keyLeaves.contains(children.get(0).getLocalName());
    }

    /** A deep copy of {@code edit} for {@code document}, without operation attributes or the base namespace's prefix. */
    private static Node copy(Document document, Element edit) {
        Element copy = (Element) document.importNode(edit, true);
        ServerXml.stripWhitespace(copy);
        clean(copy);
        return copy;
    }

    private static void clean(Element element) {
        cleanAttributes(element);
        for (Element child : ServerXml.children(element)) {
            clean(child);
        }
        if (ServerXml.isLeaf(element)) {
            element.setTextContent(element.getTextContent().strip());
        }
    }

    private static void cleanAttributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            boolean operation = ServerXml.BASE_NS.equals(attribute.getNamespaceURI());
            boolean basePrefix = "http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())
                    && ServerXml.BASE_NS.equals(attribute.getValue()) && attribute.getPrefix() != null;
            if (operation || basePrefix) {
                element.removeAttributeNode(attribute);
            }
        }
    }
}
