package io.genja.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One exec request on a simulated device: runs the command, writes stdout and stderr, reports the exit status.
 * A platform whose simulated outputs say so (Cisco IOS) then closes the whole SSH session, as real IOS does after
 * one exec command.
 */
final class ExecSession implements Command {

    private final SimulatedDevice device;
    private final String command;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exitCallback;

    ExecSession(SimulatedDevice device, String command) {
        this.device = device;
        this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
        // exec commands here read no input
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        device.recordEnvironment(env.getEnv());
        device.executor().execute(() -> run(channel));
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs after the reply is written
    }

    private void run(ChannelSession channel) {
        SimulatedPlatform platform = device.simulatedPlatform();
        DeviceOutput output = new DeviceOutput(device, out, platform.execNewline());
        try {
            output.latency();
            Reply reply = new DeviceCli(device).execute(command);
            if (reply.flow() == Reply.Flow.SILENT) {
                return; // a hung CLI: no output and no exit status, until the client gives up
            }
            if (reply.flow() == Reply.Flow.ENDLESS) {
                output.endless(); // ends with an IOException when the client closes the channel
            }
            if (reply.flow() == Reply.Flow.DROP) {
                channel.getSession().close(true);
                return;
            }
            if (!output.writeLines(DeviceOutput.lines(reply.stdout()))) {
                return;
            }
            if (reply.question() != null) {
                output.write(reply.question().text()); // nobody can answer it over exec: the command ends here
            }
            if (!reply.stderr().isEmpty()) {
                err.write(reply.stderr().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                err.flush();
            }
            exitCallback.onExit(reply.exitStatus());
            if (platform.execClosesSession()) {
                channel.getSession().close(false);
            }
        } catch (IOException e) {
            exitCallback.onExit(1, "exec I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCallback.onExit(1, "interrupted");
        }
    }
}
