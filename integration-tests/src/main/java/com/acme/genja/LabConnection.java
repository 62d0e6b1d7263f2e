package com.acme.genja;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;

/** One host's lab connection: answers {@code <banner> <hostname>: <command>}. */
final class LabConnection implements Connection {

    private final ConnectionKey key;
    private volatile String prefix;

    LabConnection(ConnectionKey key) {
        this.key = key;
    }

    @Override
    public void open(ResolvedConnectionParams params) throws ConnectionException {
        prefix = params.extras().get(LabConnectionPlugin.BANNER) + " " + params.hostname() + ": ";
    }

    @Override
    public String executeCommand(String command) {
        return prefix + command;
    }

    @Override
    public boolean isAlive() {
        return prefix != null;
    }

    @Override
    public ConnectionKey close() {
        prefix = null;
        return key;
    }
}
