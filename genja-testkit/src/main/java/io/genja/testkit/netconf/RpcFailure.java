package io.genja.testkit.netconf;

/** An operation the server refuses: becomes one {@code <rpc-error>} in the reply. */
final class RpcFailure extends Exception {

    final String type;
    final String tag;
    final String path;
    final String info;

    RpcFailure(String type, String tag, String message, String path, String info) {
        super(message);
        this.type = type;
        this.tag = tag;
        this.path = path;
        this.info = info;
    }

    RpcFailure(String type, String tag, String message) {
        this(type, tag, message, null, null);
    }

    /** The {@code <rpc-error>} element. */
    String toXml() {
        return "<rpc-error><error-type>" + type + "</error-type><error-tag>" + tag + "</error-tag>"
                + "<error-severity>error</error-severity>"
                + (path != null ? "<error-path>" + ServerXml.escape(path) + "</error-path>" : "")
                + "<error-message xml:lang=\"en\">" + ServerXml.escape(getMessage()) + "</error-message>"
                + (info != null ? "<error-info>" + info + "</error-info>" : "") + "</rpc-error>";
    }
}
