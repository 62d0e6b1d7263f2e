package io.genja.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An interactive shell on a simulated device over an SSH shell channel: MINA's side of a {@link TerminalShell}, which
 * plays the device's CLI.
 */
final class ShellSession implements Command {

    private final SimulatedDevice device;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exitCallback;
    private ChannelSession channel;
    private final DeviceCli cli;

    ShellSession(SimulatedDevice device) {
        this.device = device;
        this.cli = new DeviceCli(device);
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // a shell has one stream: everything goes to stdout, as on a terminal
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        device.recordEnvironment(env.getEnv());
        this.channel = channel;
        device.shellOpened(cli);
        device.executor().execute(this::run);
    }

    @Override
    public void destroy(ChannelSession channel) {
        // the input stream closes with the channel, which ends run(); the shell is gone from now on
        device.shellClosed(cli);
    }

    private void run() {
        try {
            TerminalShell shell = new TerminalShell(device, cli, in, out, () -> true,
                    () -> channel.getSession().close(true));
            if (shell.run() == TerminalShell.End.CLOSED) {
                exitCallback.onExit(0);
            }
        } catch (IOException e) {
            exitCallback.onExit(1, "shell I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCallback.onExit(1, "interrupted");
        } finally {
            device.shellClosed(cli);
        }
    }
}
