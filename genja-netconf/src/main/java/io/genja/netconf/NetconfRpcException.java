package io.genja.netconf;

import io.genja.connection.ConnectionException;
import io.genja.task.FailureKind;
import java.util.List;

/**
 * The device answered an operation with {@code <rpc-error>}s: a {@code COMMAND} failure that carries them, so a task
 * can tell {@code lock-denied} from {@code invalid-value}. The message lists every error with its type, tag, severity,
 * message and path.
 */
public final class NetconfRpcException extends ConnectionException {

    private final String operation;
    private final List<RpcError> errors;

    NetconfRpcException(String where, String operation, List<RpcError> errors) {
        super(FailureKind.COMMAND, where + ": <" + operation + "> failed: "
                + String.join("; ", errors.stream().map(RpcError::toString).toList()));
        this.operation = operation;
        this.errors = List.copyOf(errors);
    }

    /** The operation that failed, e.g. {@code edit-config}. */
    public String operation() {
        return operation;
    }

    /** The errors of the reply, as the device sent them (warnings included). */
    public List<RpcError> errors() {
        return errors;
    }

    /** The first error's tag, e.g. {@code lock-denied}. */
    public String tag() {
        return errors.get(0).tag();
    }
}
