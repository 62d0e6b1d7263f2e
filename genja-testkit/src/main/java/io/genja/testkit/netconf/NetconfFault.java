package io.genja.testkit.netconf;

/**
 * What a {@link SimulatedNetconfServer} does wrong, to test how a client copes. Each fault hits the replies to one
 * operation (named with {@link SimulatedNetconfServer.Builder#fault}), or every operation when none is named.
 */
public enum NetconfFault {
    /** Behaves. */
    NONE,
    /**
     * Breaks the framing: a chunk header that is not one ({@code \n#x\n}) in base:1.1; in base:1.0, where any byte may
     * be content, a reply that is not well-formed XML.
     */
    FRAMING_ERROR,
    /** Answers with an {@code <rpc-error>}: application, operation-failed, error, with a message and a path. */
    RPC_ERROR,
    /** Sends half of the reply, then closes the session. */
    DROP_MID_REPLY,
    /**
     * Answers with a reply that declares a DTD whose external entity points at {@link
     * SimulatedNetconfServer.Builder#xxeTarget} (a file or a URL) and uses it in {@code <data>}: an XXE attack.
     */
    XXE_PAYLOAD
}
