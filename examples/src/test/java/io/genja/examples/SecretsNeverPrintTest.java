package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.cli.GenjaCli;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marker values in every place a secret can stand, then every command that shows values, with and without
 * {@code --json} and {@code --debug}: no marker may appear on stdout, stderr, in a {@code --json} file or in
 * {@code genja.log} (at DEBUG). Most hosts point at a closed port on 127.0.0.1, so runs fail fast after resolving;
 * r4 logs in to a simulated device with a password from the environment, r5 is refused with a wrong one.
 */
class SecretsNeverPrintTest {

    private static final List<String> MARKERS = List.of("MarkPassword01", "MarkToken02", "MarkCommunity03",
            "MarkDataSecret04", "MarkApiKey05", "MarkNested06", "MarkPassphrase07", "MarkEnable08", "MarkSecret09",
            "MarkEnvPassword10", "MarkEnvTimeout11", "MarkFilePassword12", "MarkFileKeepalive13", "MarkPasswd14",
            "MarkVault15", "MarkDevicePassword16", "MarkWrongPassword17");

    @TempDir
    Path directory;

    @Test
    void noCommandShowsAnySecret() throws IOException {
        try (DeviceFleet fleet = DeviceFleet.builder().device(SimulatedDevice.builder("linux-001")
                .platform(DevicePlatform.LINUX).credentials("admin", "MarkDevicePassword16")).start()) {
            noCommandShowsAnySecret(fleet);
        }
    }

    private void noCommandShowsAnySecret(DeviceFleet fleet) throws IOException {
        int devicePort = fleet.device("linux-001").port();
        String knownHosts = fleet.knownHostsFile().toString();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(directory.resolve("r3.secret"), "MarkFilePassword12\n");
        Files.writeString(directory.resolve("keepalive.txt"), "MarkFileKeepalive13\n");
        Files.writeString(directory.resolve("passwd"), "root:MarkPasswd14:0:0:root:/root:/bin/bash\n"
                + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        Files.writeString(directory.resolve("hosts.yaml"), """
                r1:
                  hostname: 127.0.0.1
                  port: %1$d
                  username: admin
                  password: MarkPassword01
                  data:
                    api_token: MarkToken02
                    snmp_community: MarkCommunity03
                    db_secret: MarkDataSecret04
                    api_key: MarkApiKey05
                    nested: {password: MarkNested06}
                  connection_options:
                    ssh:
                      extras:
                        passphrase: MarkPassphrase07
                        enable_secret: MarkEnable08
                        secret: MarkSecret09
                r2:
                  hostname: 127.0.0.1
                  port: %1$d
                  password: ${env:R2_PASSWORD}
                  connection_options:
                    ssh:
                      extras:
                        timeout: ${env:R2_TIMEOUT}
                r3:
                  hostname: 127.0.0.1
                  port: %1$d
                  password: ${file:r3.secret}
                  connection_options:
                    ssh:
                      extras:
                        keepalive: ${file:keepalive.txt}
                r4:
                  hostname: 127.0.0.1
                  port: %2$d
                  username: admin
                  password: ${env:R4_PASSWORD}
                  platform: linux
                  connection_options:
                    ssh:
                      extras: {known_hosts_file: "%3$s"}
                r5:
                  hostname: 127.0.0.1
                  port: %2$d
                  username: admin
                  password: MarkWrongPassword17
                  platform: linux
                  connection_options:
                    ssh:
                      extras: {known_hosts_file: "%3$s"}
                """.formatted(closedPort, devicePort, knownHosts));
        Files.writeString(directory.resolve("config.yaml"), """
                inventory:
                  options:
                    hosts_file: hosts.yaml
                logging:
                  level: DEBUG
                  log_file: genja.log
                """);
        Files.writeString(directory.resolve("passwd-config.yaml"), """
                inventory:
                  options:
                    hosts_file: passwd
                logging:
                  enabled: false
                """);
        Map<String, String> env = Map.of("R2_PASSWORD", "MarkEnvPassword10", "R2_TIMEOUT", "MarkEnvTimeout11",
                "R4_PASSWORD", "MarkDevicePassword16", "GENJA_CONFIG", directory.resolve("config.yaml").toString());

        List<String[]> commands = new ArrayList<>();
        for (String debug : List.of("", "--debug")) {
            for (String[] command : List.of(
                    new String[] {"inventory"}, new String[] {"inventory", "--json"},
                    new String[] {"inventory", "--resolve", "ssh"}, new String[] {"inventory", "--resolve", "ssh", "--json"},
                    new String[] {"inventory", "--explain", "r1"}, new String[] {"inventory", "--explain", "r1", "--json"},
                    new String[] {"inventory", "--explain", "r1", "--resolve", "ssh"},
                    new String[] {"inventory", "--explain", "r2", "--resolve", "ssh", "--json"},
                    new String[] {"inventory", "--explain", "r3", "--resolve", "ssh"},
                    new String[] {"check"},
                    new String[] {"run", "show_version", "--json", "out.json"},
                    new String[] {"-c", "passwd-config.yaml", "check"},
                    new String[] {"-c", "passwd-config.yaml", "run", "show_version"})) {
                commands.add(debug.isEmpty() ? command : prepend(debug, command));
            }
        }
        List<String> seen = new ArrayList<>();
        for (String[] command : commands) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = GenjaCli.builder().out(new PrintStream(out, true, StandardCharsets.UTF_8))
                    .err(new PrintStream(err, true, StandardCharsets.UTF_8)).env(env).workingDirectory(directory)
                    .terminal(false).build().execute(command);
            String shown = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertThat(status).as(String.join(" ", command) + "\n" + shown).isBetween(0, 2);
            seen.add(String.join(" ", command) + "\n" + shown);
        }
        seen.add("out.json\n" + Files.readString(directory.resolve("out.json")));
        seen.add("genja.log\n" + Files.readString(directory.resolve("genja.log")));

        for (String output : seen) {
            for (String marker : MARKERS) {
                assertThat(output).as("a secret shown").doesNotContain(marker);
            }
        }
        // the commands did show what they are about, so that the absence of markers means something
        String all = String.join("\n", seen);
        assertThat(all).contains("${env:R2_TIMEOUT}").contains("${env:R2_PASSWORD}").contains("********")
                .contains("VALIDATION: host r3").containsPattern("(?m)^r4\\s+ok").contains("AUTHENTICATION");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
