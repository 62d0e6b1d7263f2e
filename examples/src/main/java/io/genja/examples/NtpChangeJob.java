package io.genja.examples;

import io.genja.cli.GenjaCli;
import io.genja.testkit.DeviceFleet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The change job: one NTP change, rendered per host from {@code templates/ntp.j2} by the built-in
 * {@code send_config} task, on a simulated fleet of IOS-XR, Junos and EOS devices (the platforms with a
 * candidate, hence with commit confirmed), in three steps through the {@code genja} command:
 *
 * <ol>
 *   <li>preview: {@code genja run send_config -o template=ntp.j2 --dry-run --diff}; the devices do not change;</li>
 *   <li>apply: {@code genja run send_config -o template=ntp.j2 -o commit_confirmed=2m --batches 1,100%
 *       --max-fail-percentage 0 --diff}: one canary device first, the rest only if it succeeded;</li>
 *   <li>again: {@code genja run send_config -o template=ntp.j2}, which reports nothing to change.</li>
 * </ol>
 *
 * The fleet lives in this JVM, so the three steps run in one invocation: {@code java -jar genja-examples.jar
 * ntp-change}.
 */
final class NtpChangeJob {

    /** What the job is called on the command line. */
    static final String NAME = "ntp-change";
    /** The NTP servers every host gets (the inventory's {@code data.ntp_servers}). */
    static final List<String> NTP_SERVERS = List.of("192.0.2.123", "192.0.2.124");

    private NtpChangeJob() {
    }

    /** The fleet the job changes: two devices of each platform with a candidate. */
    static DeviceFleet startFleet() {
        return DeviceFleet.builder().platform("cisco_iosxr", 2).platform("juniper_junos", 2)
                .platform("arista_eos", 2).start();
    }

    /** Runs the three steps against a fleet it starts; returns the worst exit status. */
    static int run(PrintStream out, PrintStream err, Map<String, String> env) {
        try (DeviceFleet fleet = startFleet()) {
            return run(fleet, out, err, env);
        }
    }

    /** Runs the three steps against {@code fleet}; returns the worst exit status. */
    static int run(DeviceFleet fleet, PrintStream out, PrintStream err, Map<String, String> env) {
        Path template = extractTemplate();
        GenjaCli.Builder cli = GenjaCli.builder().out(out).err(err).env(env)
                .inventory(fleet.inventory(host -> host.data("ntp_servers", NTP_SERVERS)));
        out.println("Started " + fleet.devices().size() + " simulated devices (IOS-XR, Junos, EOS) on 127.0.0.1");
        int worst = 0;
        String[][] steps = {
                {"1. Preview: what would change (the devices stay as they are)",
                        "run", "send_config", "-o", "template=" + template, "--dry-run", "--diff"},
                {"2. Apply with commit confirmed (each device rolls back by itself unless the change is confirmed), "
                        + "on one canary device first and on the rest only if it succeeded",
                        "run", "send_config", "-o", "template=" + template, "-o", "commit_confirmed=2m",
                        "--batches", "1,100%", "--max-fail-percentage", "0", "--diff"},
                {"3. Run it again: nothing to change",
                        "run", "send_config", "-o", "template=" + template}};
        for (String[] step : steps) {
            out.println();
            out.println("== " + step[0]);
            out.println("$ genja " + String.join(" ", List.of(step).subList(1, step.length)));
            int status = cli.build().execute(List.of(step).subList(1, step.length).toArray(String[]::new));
            worst = Math.max(worst, status);
            if (status != 0) {
                break;
            }
        }
        return worst;
    }

    /** The template shipped in the jar, as a file {@code send_config} can read. */
    private static Path extractTemplate() {
        try (InputStream in = NtpChangeJob.class.getResourceAsStream("/templates/ntp.j2")) {
            Path directory = Files.createTempDirectory("genja-templates");
            directory.toFile().deleteOnExit();
            Path template = directory.resolve("ntp.j2");
            Files.copy(in, template);
            template.toFile().deleteOnExit();
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract templates/ntp.j2 from the examples jar", e);
        }
    }
}
