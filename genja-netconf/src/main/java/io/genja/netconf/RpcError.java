package io.genja.netconf;

import org.w3c.dom.Element;

/**
 * One {@code <rpc-error>} of a reply (RFC 6241 §4.3).
 *
 * @param type {@code error-type}: {@code transport}, {@code rpc}, {@code protocol} or {@code application}
 * @param tag {@code error-tag}, e.g. {@code lock-denied}, {@code invalid-value}, {@code operation-failed}
 * @param severity {@code error-severity}: {@code error} or {@code warning}
 * @param appTag {@code error-app-tag}, or {@code null}
 * @param path {@code error-path} (an XPath to the offending node), or {@code null}
 * @param message {@code error-message}, or {@code null}
 * @param info {@code error-info} as XML, or {@code null}
 */
public record RpcError(String type, String tag, String severity, String appTag, String path, String message,
                       String info) {

    static RpcError of(Element error) {
        String info = Xml.child(error, Xml.BASE_NS, "error-info").map(e -> Xml.toString(e, false)).orElse(null);
        return new RpcError(Xml.childText(error, "error-type"), Xml.childText(error, "error-tag"),
                Xml.childText(error, "error-severity"), Xml.childText(error, "error-app-tag"),
                Xml.childText(error, "error-path"), Xml.childText(error, "error-message"), info);
    }

    /** Whether this is only a warning (the operation succeeded). */
    public boolean isWarning() {
        return "warning".equals(severity);
    }

    /** {@code protocol/lock-denied (error): Lock failed, lock is already held [path ...]}. */
    @Override
    public String toString() {
        return type + "/" + tag + " (" + severity + ")" + (message != null ? ": " + message : "")
                + (path != null ? " [path " + path + "]" : "") + (appTag != null ? " [app-tag " + appTag + "]" : "");
    }
}
