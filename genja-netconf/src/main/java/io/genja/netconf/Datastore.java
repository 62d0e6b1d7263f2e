package io.genja.netconf;

import java.util.Locale;

/** A configuration datastore (RFC 6241 §5.1): {@code <running/>}, {@code <candidate/>}, {@code <startup/>}. */
public enum Datastore {
    RUNNING, CANDIDATE, STARTUP;

    /** The element naming it in an operation, e.g. {@code <candidate/>}. */
    String element() {
        return "<" + name().toLowerCase(Locale.ROOT) + "/>";
    }

    /** The capability a device must advertise for it; {@code null} for running, which every device has. */
    String capability() {
        return switch (this) {
            case RUNNING -> null;
            case CANDIDATE -> "urn:ietf:params:netconf:capability:candidate:1.0";
            case STARTUP -> "urn:ietf:params:netconf:capability:startup:1.0";
        };
    }
}
