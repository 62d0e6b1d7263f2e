package io.genja.device.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.device.CliRequest;
import io.genja.device.PlatformProfile;
import io.genja.device.PlatformProfiles;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The session logic over an in-memory device played from each platform's profile. */
class CliSessionTest {

    private static PlatformProfile profile(String name) {
        return PlatformProfiles.builtIn().find(name).orElseThrow();
    }

    private static CliSession session(ScriptedDevice device, String secret) {
        return new CliSession(device.profile, device, "host r1", () -> secret);
    }

    @Test
    void theLevelComesFromThePromptAndEnableAnswersTheSecretWithoutShowingIt() throws Exception {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "user");
        CliSession session = session(ios, ScriptedDevice.SECRET);
        assertThat(session.level()).isEqualTo(CliLevel.USER);
        session.enable();
        assertThat(session.level()).isEqualTo(CliLevel.PRIVILEGED);
        assertThat(ios.received).containsExactly("enable", ScriptedDevice.SECRET);
        session.enable(); // already there: nothing sent
        assertThat(ios.received).hasSize(2);
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailureThatDoesNotShowIt() {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "user");
        assertThatThrownBy(() -> session(ios, "wrong-one").enable())
                .isInstanceOfSatisfying(DeviceCliException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeviceCliException.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("refused the enable secret").doesNotContain("wrong-one");
                });
    }

    @Test
    void enableWithoutAConfiguredSecretSaysWhichSettingIsMissing() {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "user");
        assertThatThrownBy(() -> session(ios, null).enable())
                .isInstanceOfSatisfying(DeviceCliException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeviceCliException.Kind.VALIDATION);
                    assertThat(e.getMessage()).contains("extras \"secret\"");
                });
        assertThat(ios.level).isEqualTo("user");
    }

    @Test
    void answersAndExpectPatternsEndInteractiveCommands() throws Exception {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "privileged");
        CliSession session = session(ios, null);
        String output = session.send(new CliRequest("reload", null, null,
                List.of(new CliRequest.Answer(Pattern.compile("\\[confirm\\]"), "n", false))));
        assertThat(output).contains("Proceed with reload? [confirm]");
        assertThat(ios.received).containsExactly("reload", "n");
        String asked = session.send(new CliRequest("enable", null, Pattern.compile("Password:"), List.of()));
        assertThat(asked).contains("Password:");
    }

    @Test
    void iosAppliesLinesLeavesConfigModeAndSavesAnsweringThePrompt() throws Exception {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "privileged");
        CliSession session = session(ios, null);
        try (ConfigChange change = session.configure()) {
            assertThat(session.level()).isEqualTo(CliLevel.CONFIG);
            assertThat(change.apply(List.of("hostname r9", "", "ntp server 192.0.2.1  ")))
                    .containsExactly("hostname r9", "ntp server 192.0.2.1");
            assertThat(change.diff()).isEmpty();
            change.commit();
            change.save();
        }
        assertThat(ios.level).isEqualTo("privileged");
        assertThat(ios.running).containsExactly("hostname r9", "ntp server 192.0.2.1");
        assertThat(ios.startup).containsExactlyElementsOf(ios.running);
    }

    @Test
    void iosRejectedLineListsTheLinesAppliedAndLeavesConfigMode() throws Exception {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "privileged");
        CliSession session = session(ios, null);
        ConfigChange change = session.configure();
        assertThatThrownBy(() -> change.apply(List.of("ntp server 192.0.2.1", "bogus line", "never sent")))
                .isInstanceOfSatisfying(ConfigLineRejected.class, e -> {
                    assertThat(e.line()).isEqualTo("bogus line");
                    assertThat(e.deviceMessage()).isEqualTo("% Invalid input detected at '^' marker.");
                    assertThat(e.applied()).containsExactly("ntp server 192.0.2.1");
                    assertThat(e.getMessage()).contains("stay applied");
                });
        assertThat(ios.level).isEqualTo("privileged");
        assertThat(ios.running).containsExactly("ntp server 192.0.2.1");
        assertThat(ios.received).doesNotContain("never sent");
        assertThat(change.isClosed()).isTrue();
        assertThatThrownBy(change::commit).hasMessageContaining("closed");
    }

    @Test
    void candidatePlatformsDiffCommitAndDiscardOnRejection() throws Exception {
        for (String platform : List.of("cisco_iosxr", "juniper_junos", "arista_eos")) {
            ScriptedDevice device = new ScriptedDevice(profile(platform), "privileged");
            CliSession session = session(device, null);
            try (ConfigChange change = session.configure()) {
                change.apply(List.of("set system ntp server 192.0.2.1"));
                assertThat(device.running).as(platform).isEmpty();
                assertThat(change.diff()).as(platform).hasValueSatisfying(
                        d -> assertThat(d).contains("+ set system ntp server 192.0.2.1"));
                change.commit();
            }
            assertThat(device.running).as(platform).containsExactly("set system ntp server 192.0.2.1");
            assertThat(device.level).as(platform).isEqualTo("privileged");

            ConfigChange failing = session.configure();
            assertThatThrownBy(() -> failing.apply(List.of("set a 1", "set bogus")))
                    .isInstanceOfSatisfying(ConfigLineRejected.class, e -> {
                        assertThat(e.applied()).containsExactly("set a 1");
                        assertThat(e.getMessage()).contains("nothing was applied");
                    });
            assertThat(device.running).as(platform).containsExactly("set system ntp server 192.0.2.1");
            assertThat(device.candidate).as(platform).isEqualTo(device.running);
            assertThat(device.level).as(platform).isEqualTo("privileged");
        }
    }

    @Test
    void closingWithoutCommitDiscardsTheCandidate() throws Exception {
        ScriptedDevice xr = new ScriptedDevice(profile("cisco_iosxr"), "privileged");
        try (ConfigChange change = session(xr, null).configure()) {
            change.apply(List.of("ntp server 192.0.2.1"));
        }
        assertThat(xr.received).contains("abort");
        assertThat(xr.running).isEmpty();
        assertThat(xr.level).isEqualTo("privileged");
    }

    @Test
    void commitConfirmedFillsTheTimerAndConfirmKeepsIt() throws Exception {
        ScriptedDevice junos = new ScriptedDevice(profile("juniper_junos"), "privileged");
        try (ConfigChange change = session(junos, null).configure()) {
            change.apply(List.of("set system ntp server 192.0.2.1"));
            change.commitConfirmed(Duration.ofSeconds(90));
            assertThat(junos.pendingConfirm).isTrue();
            change.confirm();
        }
        assertThat(junos.received).contains("commit confirmed 2", "commit check");
        assertThat(junos.pendingConfirm).isFalse();
        assertThat(junos.running).containsExactly("set system ntp server 192.0.2.1");

        ScriptedDevice eos = new ScriptedDevice(profile("arista_eos"), "privileged");
        try (ConfigChange change = session(eos, null).configure()) {
            change.apply(List.of("ntp server 192.0.2.1"));
            change.commitConfirmed(Duration.ofMinutes(5));
            change.confirm();
            assertThat(eos.received).contains("commit timer 00:05:00", "configure session " + change.name() + " commit");
        }
        assertThat(eos.pendingConfirm).isFalse();
    }

    @Test
    void nxosTakesACheckpointAndRestoresItOnARejectedLine() throws Exception {
        ScriptedDevice nxos = new ScriptedDevice(profile("cisco_nxos"), "privileged");
        nxos.running.add("hostname n1");
        CliSession session = session(nxos, null);
        ConfigChange change = session.configure();
        change.apply(List.of("ntp server 192.0.2.1"));
        assertThat(change.diff()).hasValueSatisfying(d -> assertThat(d).contains("+ ntp server 192.0.2.1"));
        assertThatThrownBy(() -> change.apply(List.of("bogus")))
                .isInstanceOfSatisfying(ConfigLineRejected.class,
                        e -> assertThat(e.getMessage()).contains("rolled back to checkpoint " + change.name()));
        assertThat(nxos.running).containsExactly("hostname n1");
        assertThat(nxos.level).isEqualTo("privileged");
    }

    @Test
    void unsupportedOperationsSaySoWithoutSendingAnything() throws Exception {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "privileged");
        try (ConfigChange change = session(ios, null).configure()) {
            int sent = ios.received.size();
            assertThatThrownBy(() -> change.commitConfirmed(Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(DeviceCliException.class,
                            e -> assertThat(e.kind()).isEqualTo(DeviceCliException.Kind.UNSUPPORTED));
            assertThatThrownBy(change::rollback).isInstanceOf(DeviceCliException.class);
            assertThat(ios.received).hasSize(sent);
        }
        ScriptedDevice linux = new ScriptedDevice(profile("linux"), "user");
        assertThatThrownBy(() -> session(linux, null).configure())
                .isInstanceOfSatisfying(DeviceCliException.class,
                        e -> assertThat(e.kind()).isEqualTo(DeviceCliException.Kind.UNSUPPORTED));
    }

    @Test
    void runningAndCandidateConfigurationsUseTheProfilesCommands() throws Exception {
        ScriptedDevice ios = new ScriptedDevice(profile("cisco_ios"), "privileged");
        ios.running.add("hostname r1");
        CliSession session = session(ios, null);
        assertThat(session.runningConfig()).isEqualTo("hostname r1");
        assertThatThrownBy(session::candidateConfig).isInstanceOfSatisfying(DeviceCliException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceCliException.Kind.UNSUPPORTED));
    }

    @Test
    void rollbackLoadsTheCandidateOnJunosAndRunsInPrivilegedModeOnIosXr() throws Exception {
        ScriptedDevice junos = new ScriptedDevice(profile("juniper_junos"), "privileged");
        try (ConfigChange change = session(junos, null).configure()) {
            change.rollback();
            assertThat(junos.level).isEqualTo("config");
        }
        assertThat(junos.received).containsSubsequence("configure exclusive", "rollback 1", "commit",
                "exit configuration-mode");

        ScriptedDevice xr = new ScriptedDevice(profile("cisco_iosxr"), "privileged");
        ConfigChange change = session(xr, null).configure();
        change.apply(List.of("ntp server 192.0.2.1"));
        change.rollback();
        assertThat(xr.received).containsSubsequence("configure terminal", "ntp server 192.0.2.1", "abort",
                "rollback configuration last 1");
        assertThat(change.isClosed()).isTrue();
    }
}
