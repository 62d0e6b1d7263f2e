package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.ResolvedConnectionParams;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ssh.config_file} reaches the ssh plugin as {@code extras.ssh_config_file}, below the inventory. */
class SshSettingsTest {

    private final ResolvedConnectionParams plain =
            new ResolvedConnectionParams("10.0.0.1", 22, "admin", "secret", "ios", Map.of("timeout", 30));

    @Test
    void theConfigFileIsAddedWhenTheInventoryLeavesItOut() {
        ResolvedConnectionParams applied = new SshSettings(Path.of("/etc/genja/ssh_config")).applyTo(plain);

        assertThat(applied.extras()).containsEntry("ssh_config_file", "/etc/genja/ssh_config")
                .containsEntry("timeout", 30);
        assertThat(applied.hostname()).isEqualTo("10.0.0.1");
        assertThat(applied.password()).isEqualTo("secret");
    }

    @Test
    void theInventoryWins() {
        ResolvedConnectionParams own = new ResolvedConnectionParams("10.0.0.1", 22, "admin", null, "ios",
                Map.of("ssh_config_file", "/home/me/.ssh/lab_config"));

        assertThat(new SshSettings(Path.of("/etc/genja/ssh_config")).applyTo(own)).isSameAs(own);
    }

    @Test
    void withoutAConfigFileNothingChanges() {
        assertThat(SshSettings.DEFAULTS.applyTo(plain)).isSameAs(plain);
    }
}
