package io.genja.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Any platform with a profile can be simulated: prompts, paging and errors from the profile, generic outputs. */
@Timeout(60)
class ProfilePlatformsTest {

    @Test
    void aPlatformWithOnlyAProfileGetsItsPromptPagerAndErrorTextAndGenericOutputs() throws Exception {
        SimulatedDevice eos = SimulatedDevice.builder("leaf1").platform("eos").build();
        assertThat(eos.platformName()).isEqualTo("arista_eos");
        assertThat(eos.platform()).isNull(); // no DevicePlatform constant for it, and none needed
        DeviceCli cli = new DeviceCli(eos);
        assertThat(cli.prompt()).isEqualTo("leaf1#");
        assertThat(cli.moreMarker()).isEqualTo(" --More-- ");
        assertThat(cli.pageLength()).isEqualTo(24);
        assertThat(cli.execute("terminal length 0").stdout()).isEmpty();
        assertThat(cli.pageLength()).isZero();
        assertThat(cli.execute("terminal width 32767").stdout()).isEmpty();
        assertThat(cli.execute("show bogus").stdout()).isEqualTo("% Invalid input\n");
        assertThat(cli.execute("show version").stdout()).contains("arista_eos simulated by the Genja testkit")
                .contains("Hostname: leaf1");
        assertThat(cli.execute("show running-config").stdout()).isEqualTo("hostname leaf1\n!\nend\n");
    }

    @Test
    void aFleetOfAnyProfiledPlatformHandsBackItsInventoryName() throws Exception {
        try (DeviceFleet fleet = DeviceFleet.builder().platform("junos", 1).start()) {
            SimulatedDevice mx = fleet.device("juniper_junos-001");
            assertThat(fleet.inventory().resolveConnection("juniper_junos-001", "ssh").platform())
                    .isEqualTo("juniper_junos");
            assertThat(new DeviceCli(mx).prompt()).isEqualTo("admin@juniper_junos-001> ");
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect("admin", "127.0.0.1", mx.port())
                    .verify(Duration.ofSeconds(10)).getSession()) {
                session.addPasswordIdentity("admin");
                session.auth().verify(Duration.ofSeconds(10));
                assertThat(session.executeRemoteCommand("show version")).isEqualTo(mx.showVersion());
            } finally {
                client.stop();
            }
        }
    }

    @Test
    void anUnknownPlatformIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> SimulatedDevice.builder("x").platform("cisco_iox"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no platform profile is called \"cisco_iox\"")
                .hasMessageContaining("cisco_ios, cisco_iosxe");
    }
}
