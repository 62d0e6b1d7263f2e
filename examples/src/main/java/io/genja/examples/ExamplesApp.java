package io.genja.examples;

import io.genja.cli.GenjaCli;
import io.genja.examples.tasks.BackupConfig;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples' main job: backs up the running configuration of every device through the {@code genja} command.
 *
 * <pre>
 * java -jar genja-examples.jar                          back up a fleet of 50 simulated devices
 * java -jar genja-examples.jar --change ios-007         the same, after someone "edited" ios-007 by hand
 * java -jar genja-examples.jar -c config.yaml           back up the devices of a real inventory
 * java -jar genja-examples.jar ntp-change              preview, apply (commit confirmed) and re-run an NTP change
 * java -jar genja-examples.jar GENJA-ARGS...            any genja command (tasks, inventory, run, check, results)
 * </pre>
 *
 * Without a configuration ({@code -c} or {@code GENJA_CONFIG}) the job starts a fleet of simulated devices in this
 * JVM (Cisco IOS and Linux, two of them faulty: one refuses the login, one drops the session mid-command) and
 * gives its inventory to the command. Their configurations depend only on their names, so a second run reports
 * {@code changed} only where a configuration was changed ({@code --change HOST}).
 */
public final class ExamplesApp {

    /** Devices in the default fleet, the two faulty ones included. */
    static final int FLEET_SIZE = 50;
    /** Refuses every login. */
    static final String REFUSES_LOGIN = "ios-031";
    /** Drops the session in the middle of {@code show running-config}. */
    static final String DROPS_SESSION = "ios-032";
    /** The line {@code --change} adds to a device's configuration. */
    static final String CHANGED_LINE = "ntp server 192.0.2.123";

    private static final Set<String> COMMANDS = Set.of("tasks", "inventory", "run", "check", "results", "help", "-h",
            "--help", "-V", "--version");
    /** Commands that need no fleet started for them. */
    private static final Set<String> NO_INVENTORY = Set.of("tasks", "results", "help", "-h", "--help", "-V",
            "--version");

    private ExamplesApp() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the job with {@code args}; returns the exit status of the {@code genja} command (0 all passed, 1 some
     * host failed, 2 bad input).
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 1 && args[0].equals(NtpChangeJob.NAME)) {
            return NtpChangeJob.run(out, err, env);
        }
        List<String> changes = new ArrayList<>();
        List<String> genjaArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--change")) {
                if (i + 1 == args.length || args[i + 1].startsWith("-")) {
                    err.println("genja-examples: error: --change needs the name of a simulated device,"
                            + " e.g. --change ios-007");
                    return 2;
                }
                changes.add(args[++i]);
            } else {
                genjaArgs.add(args[i]);
            }
        }
        if (!genjaArgs.isEmpty() && !genjaArgs.get(0).startsWith("-") && !COMMANDS.contains(genjaArgs.get(0))) {
            // a mistyped command ("invntory"): the genja command says so, with a suggestion, instead of the
            // main job rejecting it as an argument of run
            return GenjaCli.builder().out(out).err(err).env(env).build().execute(genjaArgs.toArray(String[]::new));
        }
        boolean mainJob = genjaArgs.stream().noneMatch(COMMANDS::contains);
        if (mainJob) {
            // run's own options (--json, --filter, -o ...) may follow: java -jar genja-examples.jar --filter 'ios-*'
            genjaArgs.addAll(0, List.of("run", "backup_config"));
        }
        boolean realInventory = genjaArgs.contains("-c") || genjaArgs.contains("--config")
                || genjaArgs.stream().anyMatch(a -> a.startsWith("--config=")) || env.containsKey("GENJA_CONFIG");
        boolean needsNoInventory = genjaArgs.stream().anyMatch(NO_INVENTORY::contains);
        GenjaCli.Builder cli = GenjaCli.builder().out(out).err(err).env(env);
        if (realInventory || needsNoInventory) {
            if (!changes.isEmpty()) {
                err.println("genja-examples: --change only applies to a run against the simulated fleet");
                return 2;
            }
            return cli.build().execute(genjaArgs.toArray(String[]::new));
        }
        try (DeviceFleet fleet = startFleet()) {
            for (String name : changes) {
                if (fleet.devices().stream().noneMatch(d -> d.name().equals(name))) {
                    err.println("genja-examples: error: --change " + name + ": the simulated fleet has no device \""
                            + name + "\"; its devices are ios-001 to ios-" + String.format("%03d", FLEET_SIZE - 18)
                            + " and linux-001 to linux-018");
                    return 2;
                }
                SimulatedDevice device = fleet.device(name);
                device.setRunningConfig(withChange(device.runningConfig()));
            }
            // when stdout is JSON (inventory --json), the announcement goes to stderr so that the JSON parses
            boolean jsonOut = genjaArgs.contains("inventory") && genjaArgs.contains("--json");
            (jsonOut ? err : out).println("Started " + fleet.devices().size() + " simulated devices on 127.0.0.1 ("
                    + REFUSES_LOGIN + " refuses logins, " + DROPS_SESSION + " drops sessions"
                    + (changes.isEmpty() ? "" : "; changed by hand: " + String.join(", ", changes)) + ")");
            int status = cli.inventory(fleet.inventory()).build().execute(genjaArgs.toArray(String[]::new));
            if (mainJob && status != 2) {
                Path backups = backupDirectory(genjaArgs).toAbsolutePath();
                out.println(genjaArgs.contains("--dry-run")
                        ? "Dry run: nothing was written to " + backups + "."
                        : "Backups are in " + backups + "; run again to see what changed"
                                + " (--change HOST edits a device's configuration first).");
            }
            return status;
        }
    }

    /** Where backup_config writes: its {@code directory} option ({@code -o directory=X}) if given, else the default. */
    static Path backupDirectory(List<String> genjaArgs) {
        String directory = BackupConfig.DEFAULT_DIRECTORY;
        for (int i = 0; i < genjaArgs.size(); i++) {
            String arg = genjaArgs.get(i);
            String option = (arg.equals("-o") || arg.equals("--option")) && i + 1 < genjaArgs.size()
                    ? genjaArgs.get(i + 1)
                    : arg.startsWith("--option=") ? arg.substring("--option=".length())
                    : arg.startsWith("-o") && arg.length() > 2 ? arg.substring(2).replaceFirst("^=", "") : null;
            if (option != null && option.startsWith("directory=")) {
                directory = option.substring("directory=".length());
            }
        }
        return Path.of(directory);
    }

    /** 30 Cisco IOS devices, 18 Linux hosts, and two faulty IOS devices. */
    static DeviceFleet startFleet() {
        return DeviceFleet.builder()
                .ciscoIos(FLEET_SIZE - 20)
                .linux(18)
                .device(SimulatedDevice.builder(REFUSES_LOGIN).platform(DevicePlatform.CISCO_IOS).fault(Fault.REFUSE_AUTH))
                .device(SimulatedDevice.builder(DROPS_SESSION).platform(DevicePlatform.CISCO_IOS)
                        .fault(Fault.DROP_MID_COMMAND))
                .start();
    }

    /** The configuration with one line more (after the hostname, else at the end): a deterministic "change by hand". */
    static String withChange(String runningConfig) {
        String changed = runningConfig.replaceFirst("(?m)^(hostname .*)$", "$1\n" + CHANGED_LINE);
        return changed.equals(runningConfig) ? runningConfig + "# " + CHANGED_LINE + "\n" : changed;
    }
}
