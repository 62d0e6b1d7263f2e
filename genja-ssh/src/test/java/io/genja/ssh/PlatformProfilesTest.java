package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.device.Mode;
import io.genja.device.PlatformProfile;
import io.genja.device.PlatformProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformProfilesTest {

    private final PlatformProfiles builtIn = PlatformProfiles.builtIn();

    @Test
    void shortNamesUsedByNornirAndNapalmFindTheirProfile() {
        // acme_os is this module's test resource (OneProfileFileTest), found on the class path like the built-ins
        assertThat(builtIn.names()).containsExactly("acme_os", "arista_eos", "cisco_ios", "cisco_iosxe", "cisco_iosxr",
                "cisco_nxos", "juniper_junos", "linux");
        assertThat(builtIn.find("ios")).get().extracting(PlatformProfile::name).isEqualTo("cisco_ios");
        assertThat(builtIn.find("IOSXR")).get().extracting(PlatformProfile::name).isEqualTo("cisco_iosxr");
        assertThat(builtIn.find("nxos")).get().extracting(PlatformProfile::name).isEqualTo("cisco_nxos");
        assertThat(builtIn.find("eos")).get().extracting(PlatformProfile::name).isEqualTo("arista_eos");
        assertThat(builtIn.find("junos")).get().extracting(PlatformProfile::name).isEqualTo("juniper_junos");
        assertThat(builtIn.find("iosxe")).get().extracting(PlatformProfile::name).isEqualTo("cisco_iosxe");
        assertThat(builtIn.find("cisco_ios").orElseThrow().defaultMode()).isEqualTo(Mode.SHELL);
        assertThat(builtIn.find("linux").orElseThrow().defaultMode()).isEqualTo(Mode.EXEC);
    }

    @Test
    void promptsAndErrorsMatchWhatDevicesPrint() {
        PlatformProfile ios = builtIn.find("ios").orElseThrow();
        assertThat(ios.prompt().matcher("core-sw1#").find()).isTrue();
        assertThat(ios.prompt().matcher("core-sw1(config-if)#").find()).isTrue();
        assertThat(ios.prompt().matcher(" description uplink").find()).isFalse();
        assertThat(ios.prompt().matcher("*** access is monitored: #").find()).as("a login banner").isFalse();
        assertThat(ios.errors()).anyMatch(p -> p.matcher("   ^\n% Invalid input detected at '^' marker.").find());
        PlatformProfile xr = builtIn.find("iosxr").orElseThrow();
        assertThat(xr.prompt().matcher("RP/0/RSP0/CPU0:edge1#").find()).isTrue();
        PlatformProfile junos = builtIn.find("junos").orElseThrow();
        assertThat(junos.prompt().matcher("admin@mx1> ").find()).isTrue();
        assertThat(junos.more().matcher("---(more 42%)---").find()).isTrue();
    }

    @Test
    void userProfilesAddPlatformsAndReplaceBuiltInOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mikrotik.yaml"), """
                name: mikrotik_routeros
                aliases: [routeros]
                default_mode: exec
                prompt: '\\[[^\\]]+\\] >\\s*$'
                """);
        Files.writeString(dir.resolve("ios.yml"), """
                name: cisco_ios
                default_mode: exec
                prompt: '#\\s*$'
                """);
        PlatformProfiles profiles = builtIn.with(dir);
        assertThat(profiles.find("routeros").orElseThrow().source()).endsWith("mikrotik.yaml");
        assertThat(profiles.find("cisco_ios").orElseThrow().defaultMode()).isEqualTo(Mode.EXEC);
        assertThat(profiles.find("ios")).isEmpty(); // the replacement declared no aliases
        assertThat(profiles.find("nxos")).isPresent();
    }

    @Test
    void brokenProfilesNameTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "name: x\nprompt: '#$'\npaging_of: []\n");
        assertThatThrownBy(() -> builtIn.with(typo)).hasMessageContaining(typo.toString())
                .hasMessageContaining("unknown field \"paging_of\"");
        Path regex = dir.resolve("regex.yaml");
        Files.writeString(regex, "name: x\nprompt: '[#'\n");
        assertThatThrownBy(() -> builtIn.with(regex)).hasMessageContaining("\"prompt\" is not a valid regular expression");
        Path mode = dir.resolve("mode.yaml");
        Files.writeString(mode, "name: x\nprompt: '#'\ndefault_mode: telnet\n");
        assertThatThrownBy(() -> builtIn.with(mode)).hasMessageContaining("default_mode must be exec or shell");
        assertThatThrownBy(() -> builtIn.with(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
    }
}
