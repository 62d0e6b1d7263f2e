package io.genja.netconf;

import java.util.Locale;

/**
 * The {@code <default-operation>} of {@code <edit-config>} (RFC 6241 §7.2): what happens to configuration nodes that
 * carry no {@code operation} attribute of their own. A node of the configuration may always say otherwise with
 * {@code nc:operation="merge|replace|create|delete|remove"} ({@code xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0"}).
 */
public enum DefaultOperation {
    /** Merged into the datastore (the device's default). */
    MERGE,
    /** The configuration replaces the datastore's whole content. */
    REPLACE,
    /** Nothing, except where a node says {@code nc:operation}: for edits made only of deletes. */
    NONE;

    String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
