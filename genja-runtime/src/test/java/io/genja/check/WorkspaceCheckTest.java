package io.genja.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionPlugin;
import io.genja.document.Problem;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCheckTest {

    /** A connection plugin that knows one platform, as the ssh plugin knows its profiles. */
    static final class LinuxOnly implements ConnectionPlugin {
        @Override
        public String name() {
            return "mem";
        }

        @Override
        public Connection create(ConnectionKey key) {
            throw new UnsupportedOperationException("the check never connects");
        }

        @Override
        public List<String> validate(String host, ResolvedConnectionParams params) {
            return params.platform() == null || params.platform().equals("linux") ? List.of()
                    : List.of("platform \"" + params.platform() + "\" is not known; known: linux");
        }
    }

    private static PluginManager plugins() {
        return PluginManager.discover(WorkspaceCheckTest.class.getClassLoader()).register(new LinuxOnly());
    }

    @Test
    void settingsProblemsDoNotHideInventoryProblems(@TempDir Path directory) throws Exception {
        Path config = Files.writeString(directory.resolve("config.yaml"), """
                runner:
                  worker_cont: 3
                """);
        Path hosts = Files.writeString(directory.resolve("hosts.yaml"), """
                r1:
                  port: abc
                  connection_options:
                    mme: {}
                """);

        CheckReport report = WorkspaceCheck.run(config, Map.of(), plugins(), null);

        assertThat(report.errors()).extracting(Problem::toString).containsExactly(
                config + ":2:3: unknown key \"runner.worker_cont\"; did you mean \"worker_count\"? (known in runner: "
                        + "plugin, worker_count, options, max_task_depth)",
                hosts + ":2:9: port of host \"r1\" must be an integer, not the string \"abc\"",
                hosts + ":4:5: connection_options of host \"r1\" are for connection plugin \"mme\", which is not "
                        + "registered; did you mean \"mem\"? (registered: mem); no run would use them");
        assertThat(report.files()).containsExactly(config, hosts);
    }

    @Test
    void hostProblemsPointAtTheValueOnceWithTheHostsTheyApplyTo(@TempDir Path directory) throws Exception {
        Path config = Files.writeString(directory.resolve("config.yaml"), """
                inventory:
                  options:
                    groups_file: groups.yaml
                    defaults_file: defaults.yaml
                """);
        Path hosts = Files.writeString(directory.resolve("hosts.yaml"), """
                r1: {groups: [core]}
                r2: {groups: [core]}
                r3:
                  password: ${file:../outside.secret}
                """);
        Path groups = Files.writeString(directory.resolve("groups.yaml"), """
                core:
                  connection_options:
                    mem:
                      platform: linx
                """);
        Path defaults = Files.writeString(directory.resolve("defaults.yaml"), "password: ${env:LAB_PASSWORD}\n");

        CheckReport report = WorkspaceCheck.run(config, Map.of(), plugins(), null);

        assertThat(report.errors()).extracting(Problem::toString).containsExactly(
                hosts + ":4:13: cannot resolve the secret ${file:../outside.secret} in password: the path leaves the "
                        + "secrets directory " + directory + " (through ..); secret files must be inside it (1 host: r3)",
                groups + ":4:17: mem: platform \"linx\" is not known; known: linux (2 hosts: r1, r2)");
        assertThat(report.warnings()).extracting(Problem::toString).containsExactly(
                defaults + ":1:11: cannot resolve the secret ${env:LAB_PASSWORD} in password: the environment "
                        + "variable LAB_PASSWORD is not set (2 hosts: r1, r2)");
        assertThat(report.files()).containsExactly(config, hosts, groups, defaults);
    }

    @Test
    void aCleanWorkspaceHasNothingToReport(@TempDir Path directory) throws Exception {
        Path config = Files.writeString(directory.resolve("config.yaml"), "core:\n  raise_on_error: false\n");
        Files.writeString(directory.resolve("hosts.yaml"), "r1: {platform: linux, password: '${env:PW}'}\n");

        CheckReport report = WorkspaceCheck.run(config, Map.of("PW", "secret"), plugins(), null);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }
}
