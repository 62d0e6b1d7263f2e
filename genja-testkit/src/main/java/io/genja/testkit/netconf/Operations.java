package io.genja.testkit.netconf;

import org.w3c.dom.Element;

/** The NETCONF operations of the simulated server, on its {@link Datastores}: each returns the reply's content. */
final class Operations {

    private static final String OK = "<ok/>";

    private final Datastores datastores;

    Operations(Datastores datastores) {
        this.datastores = datastores;
    }

    String perform(int session, Element operation) throws RpcFailure {
        if (operation == null) {
            throw new RpcFailure("rpc", "missing-element", "the <rpc> holds no operation");
        }
        if (!ServerXml.BASE_NS.equals(operation.getNamespaceURI())) {
            throw new RpcFailure("protocol", "operation-not-supported", "<" + operation.getLocalName() + "> in "
                    + operation.getNamespaceURI() + " is not supported here");
        }
        return switch (operation.getLocalName()) {
            case "get" -> data("running", operation);
            case "get-config" -> data(datastore(operation, "source"), operation);
            case "edit-config" -> {
                Element config = ServerXml.child(operation, "config");
                if (config == null) {
                    throw new RpcFailure("protocol", "missing-element", "<edit-config> without <config>", null,
                            "<bad-element>config</bad-element>");
                }
                Element defaultOperation = ServerXml.child(operation, "default-operation");
                datastores.edit(session, datastore(operation, "target"), config,
                        defaultOperation == null ? "merge" : defaultOperation.getTextContent().strip());
                yield OK;
            }
            case "lock" -> {
                datastores.lock(session, datastore(operation, "target"));
                yield OK;
            }
            case "unlock" -> {
                datastores.unlock(session, datastore(operation, "target"));
                yield OK;
            }
            case "validate" -> {
                datastore(operation, "source");
                yield OK;
            }
            case "commit" -> {
                Element timeout = ServerXml.child(operation, "confirm-timeout");
                Long seconds = null;
                if (timeout != null) {
                    try {
                        seconds = Long.parseLong(timeout.getTextContent().strip());
                    } catch (NumberFormatException e) {
                        throw new RpcFailure("protocol", "invalid-value", "confirm-timeout must be a number of"
                                + " seconds", "/commit/confirm-timeout", null);
                    }
                }
                datastores.commit(session, ServerXml.child(operation, "confirmed") != null, seconds,
                        text(operation, "persist"), text(operation, "persist-id"));
                yield OK;
            }
            case "cancel-commit" -> {
                datastores.cancelCommit(session, text(operation, "persist-id"));
                yield OK;
            }
            case "discard-changes" -> {
                datastores.discard(session);
                yield OK;
            }
            case "close-session" -> OK;
            default -> throw new RpcFailure("protocol", "operation-not-supported", "<" + operation.getLocalName()
                    + "> is not supported by this simulated server");
        };
    }

    private String data(String source, Element operation) throws RpcFailure {
        Element store = datastores.data(source);
        Element filter = ServerXml.child(operation, "filter");
        String content;
        synchronized (datastores) {
            if (filter == null) {
                StringBuilder all = new StringBuilder();
                ServerXml.children(store).forEach(node -> all.append(ServerXml.toString(node, false)));
                content = all.toString();
            } else {
                Element selected = ServerXml.newDocument().createElementNS(ServerXml.BASE_NS, "data");
                selected.getOwnerDocument().appendChild(selected);
                SubtreeFilter.select(store, filter, selected);
                StringBuilder all = new StringBuilder();
                ServerXml.children(selected).forEach(node -> all.append(ServerXml.toString(node, false)));
                content = all.toString();
            }
        }
        return "<data>" + content + "</data>";
    }

    private static String datastore(Element operation, String role) throws RpcFailure {
        Element holder = ServerXml.child(operation, role);
        if (holder == null || ServerXml.children(holder).isEmpty()) {
            throw new RpcFailure("protocol", "missing-element", "<" + operation.getLocalName() + "> without <" + role
                    + ">", null, "<bad-element>" + role + "</bad-element>");
        }
        return ServerXml.children(holder).get(0).getLocalName();
    }

    private static String text(Element operation, String name) {
        Element child = ServerXml.child(operation, name);
        return child == null ? null : child.getTextContent().strip();
    }
}
