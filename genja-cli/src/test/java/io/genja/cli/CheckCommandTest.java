package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Attributes;
import io.genja.inventory.Inventory;
import io.genja.inventory.TransformFunction;
import io.genja.plugin.PluginManager;
import io.genja.inventory.SecretResolver;
import io.genja.ssh.SshConnectionPlugin;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskSuccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @Test
    void aConsistentSetupIsOk() {
        CliRun run = CliRun.execute(Fixtures.cli(), "check");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("inventory: 3 hosts, 2 groups").contains("plugins:   mem").endsWith("ok\n");
    }

    @Test
    void unresolvableSecretsAndAMissingSshConfigAreWarningsGroupedByReference(@TempDir Path directory)
            throws Exception {
        Inventory inventory = Fixtures.inventory().toBuilder()
                .defaults(Attributes.builder().username("admin").password("${env:LAB_PASSWORD}").build())
                .host("s2", Attributes.builder().hostname("10.0.1.2").password("${file:s2.secret}").build())
                .secrets(new SecretResolver(Map.<String, String>of()::get, directory))
                .build();
        Path config = Files.writeString(directory.resolve("config.yaml"), "ssh:\n  config_file: no_such_ssh_config\n");

        CliRun run = CliRun.execute(Fixtures.cli().inventory(inventory).plugins(withSsh()), "-c", config.toString(),
                "check");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.err().lines()).containsExactly(
                "warning: ssh.config_file " + directory.resolve("no_such_ssh_config")
                        + " does not exist; every ssh connection would fail",
                "warning: cannot resolve the secret ${env:LAB_PASSWORD} in password: the environment variable "
                        + "LAB_PASSWORD is not set (3 hosts: r1, r2, s1)",
                "warning: cannot resolve the secret ${file:s2.secret} in password: the file "
                        + directory.resolve("s2.secret") + " does not exist (1 host: s2)");
        assertThat(run.out()).endsWith("ok, with 3 warnings\n");
    }

    /** The fixtures' {@code mem} plugin and the real ssh plugin, which owns the {@code ssh} section. */
    private static PluginManager withSsh() {
        return Fixtures.plugins().register(new SshConnectionPlugin());
    }

    @Test
    void reportsUnknownSectionsAndPluginSectionProblemsWithTheirLines(@TempDir Path directory) throws Exception {
        Path config = Files.writeString(directory.resolve("config.yaml"), """
                ssh:
                  config_fil: ssh_config
                mme:
                  timeout: 3
                """);

        CliRun run = CliRun.execute(Fixtures.cli().plugins(withSsh()), "-c", config.toString(), "check");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly(
                "error: " + config + ":2:3: unknown key \"ssh.config_fil\"; did you mean \"config_file\"? (known in "
                        + "ssh: config_file, max_output)",
                "error: " + config + ":3:1: unknown section \"mme\"; did you mean \"mem\"? (known: core, inventory, "
                        + "runner, rollout, logging, parsing; connection plugins: mem, ssh)",
                "2 problems found");
    }

    @Test
    void namesUnknownInventoryPluginsTransformsAndRunnersWithSuggestions(@TempDir Path directory) throws Exception {
        Path inventoryPlugin = Files.writeString(directory.resolve("inventory.yaml"),
                "inventory:\n  plugin: FileInventoryPlugn\n");
        Files.writeString(directory.resolve("hosts.yaml"), "r1: {hostname: 10.0.0.1}\n");
        Path transform = Files.writeString(directory.resolve("transform.yaml"),
                "inventory:\n  transform_function: lab_usernme\n");
        Path runner = Files.writeString(directory.resolve("runner.yaml"), "runner:\n  plugin: threadd\n");
        PluginManager plugins = PluginManager.discover().register(new LabUsername());

        CliRun unknownPlugin = CliRun.execute(fromFiles(plugins), "-c",
                inventoryPlugin.toString(), "check");
        CliRun unknownTransform = CliRun.execute(fromFiles(plugins), "-c",
                transform.toString(), "check");
        CliRun unknownRunner = CliRun.execute(fromFiles(plugins), "-c",
                runner.toString(), "check");

        assertThat(unknownPlugin.err()).as(unknownPlugin.toString()).startsWith("error: inventory.plugin: no inventory "
                + "plugin \"FileInventoryPlugn\" is registered; did you mean \"FileInventoryPlugin\"?");
        assertThat(unknownTransform.err()).as(unknownTransform.toString()).startsWith("error: "
                + "inventory.transform_function: no transform function \"lab_usernme\" is registered; did you mean "
                + "\"lab_username\"?");
        assertThat(unknownRunner.err()).as(unknownRunner.toString()).startsWith("error: " + runner + ":2:11: "
                + "runner.plugin must be one of async, serial, threaded, not \"threadd\"; did you mean \"threaded\"?");
        assertThat(List.of(unknownPlugin, unknownTransform, unknownRunner))
                .allSatisfy(run -> assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT));
    }

    /** A command that loads the inventory its configuration names, with {@code plugins}. */
    private static GenjaCli.Builder fromFiles(PluginManager plugins) {
        return GenjaCli.builder().catalog(Fixtures.catalog()).plugins(plugins)
                .env(Map.of("GENJA_LOGGING_ENABLED", "false")).terminal(false);
    }

    /** A transform function called {@code lab_username} that changes nothing. */
    static final class LabUsername implements TransformFunction {
        @Override
        public String name() {
            return "lab_username";
        }

        @Override
        public Inventory transform(Inventory inventory, Map<String, Object> options) {
            return inventory;
        }
    }

    @Test
    void secretFilesOutsideTheSecretsDirectoryAndUnknownSchemesAreProblems(@TempDir Path directory) throws Exception {
        Path secrets = Files.createDirectories(directory.resolve("inventory"));
        Files.writeString(directory.resolve("outside.txt"), "outside-secret\n");
        Inventory inventory = Fixtures.inventory().toBuilder()
                .host("s2", Attributes.builder().hostname("10.0.1.2").password("${file:../outside.txt}").build())
                .host("s3", Attributes.builder().hostname("10.0.1.3").password("${vault:db/s3}").build())
                .secrets(new SecretResolver(Map.<String, String>of()::get, secrets))
                .build();

        CliRun run = CliRun.execute(Fixtures.cli().inventory(inventory), "check");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly(
                "error: cannot resolve the secret ${file:../outside.txt} in password: the path leaves the secrets "
                        + "directory " + secrets + " (through ..); secret files must be inside it (1 host: s2)",
                "error: cannot resolve the secret ${vault:db/s3} in password: the secret reference ${vault:db/s3} has "
                        + "the unknown scheme \"vault\"; known: ${env:NAME}, ${file:path} (write $${...} for a literal "
                        + "${...}) (1 host: s3)",
                "2 problems found");
        assertThat(run.err()).doesNotContain("outside-secret");
    }

    @Test
    void reportsEveryCatalogProblemAtOnce() {
        FakeTask.Body body = (host, context) -> HostTaskResult.passed(new TaskSuccess());
        TaskCatalog catalog = TaskCatalog.of(List.of(
                FakeTask.of("backup", body).withPlugin("shh"),
                FakeTask.of("audit_all", body).withProcessors("audti").withSubTasks("backup", "missing")));

        CliRun run = CliRun.execute(Fixtures.cli().catalog(catalog), "check");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("error: task \"audit_all\" (io.genja.cli.FakeTask) uses processor \"audti\","
                + " which is not registered; registered: none.");
        assertThat(run.err()).contains("error: task \"audit_all\" (io.genja.cli.FakeTask) lists sub-task \"missing\","
                + " which is not in the task catalog; known tasks: audit_all, backup");
        assertThat(run.err()).contains("error: task \"backup\" (io.genja.cli.FakeTask) needs connection plugin \"shh\","
                + " which is not registered; registered: mem.");
        assertThat(run.err()).endsWith("3 problems found\n");
    }
}
