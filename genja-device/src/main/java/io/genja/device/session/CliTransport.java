package io.genja.device.session;

import io.genja.device.CliRequest;

/**
 * What a {@link CliSession} needs of a transport (an SSH shell, a Telnet socket, a test's scripted device): one
 * request at a time through the transport's {@link io.genja.device.CliDriver}, with the request's timeout applied.
 */
public interface CliTransport {

    /**
     * Sends {@code request} and waits until its output ended (prompt, {@code expect} pattern), answering its
     * questions; returns the cleaned output.
     *
     * @throws DeviceCliException of kind {@link DeviceCliException.Kind#TRANSPORT} with the transport's own failure
     *     as the cause (timeout, closed connection), which the transport's adapter rethrows as it is
     */
    String send(CliRequest request) throws DeviceCliException;

    /** The prompt line that ended the last command (or the first prompt), e.g. {@code r1(config)#}. */
    String lastPrompt();
}
