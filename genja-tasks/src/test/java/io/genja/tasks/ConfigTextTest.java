package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview of a change on platforms without a candidate, and what counts as a change in a device's diff. */
class ConfigTextTest {

    private static final String RUNNING = """
            Building configuration...

            Current configuration : 1234 bytes
            !
            hostname r1
            ntp server 192.0.2.1
            !
            interface GigabitEthernet0/1
             description uplink
             no shutdown
            !
            interface GigabitEthernet0/2
             shutdown
            !
            end
            """;

    @Test
    void linesAlreadyPresentUnderTheSameSectionChangeNothing() {
        assertThat(ConfigText.preview(RUNNING, List.of("hostname r1", "ntp server 192.0.2.1",
                "interface GigabitEthernet0/1", " description uplink"), "r1")).isEmpty();
    }

    @Test
    void newLinesShowWithTheirSectionAndRemovalsOnlyWhenPresent() {
        assertThat(ConfigText.preview(RUNNING, List.of(
                "interface GigabitEthernet0/1", " description uplink", " mtu 9000",
                "interface GigabitEthernet0/2", " no shutdown", " no description",
                "no ntp server 192.0.2.1", "no ntp server 192.0.2.9"), "r1")).isEqualTo("""
                --- r1 running-config
                +++ r1 running-config with the change (lines as sent)
                 interface GigabitEthernet0/1
                + mtu 9000
                 interface GigabitEthernet0/2
                - shutdown
                -ntp server 192.0.2.1""");
    }

    @Test
    void theSameLineInAnotherSectionIsNew() {
        assertThat(ConfigText.preview(RUNNING, List.of("interface GigabitEthernet0/2", " description uplink"), "r1"))
                .endsWith(" interface GigabitEthernet0/2\n+ description uplink");
    }

    @Test
    void headersThatChangeOnEveryReadAreNoDifference() {
        String later = RUNNING.replace("1234 bytes", "1299 bytes");
        assertThat(ConfigText.unifiedDiff(RUNNING, later, "a", "b")).isEmpty();
        assertThat(ConfigText.unifiedDiff(RUNNING, later.replace("hostname r1", "hostname r2"), "a", "b"))
                .contains("-hostname r1\n+hostname r2");
    }

    @Test
    void aDeviceDiffShowsAChangeOnlyWithAnAddedOrRemovedLine() {
        assertThat(ConfigText.showsChange("Building configuration...\n!! IOS XR Configuration 7.3.2\nend\n")).isFalse();
        assertThat(ConfigText.showsChange("--- system:/running-config\n+++ session:/s1-session-config\n")).isFalse();
        assertThat(ConfigText.showsChange("[edit system ntp]\n+    server 192.0.2.1;\n")).isTrue();
        assertThat(ConfigText.showsChange("ntp\n-  server 10.0.0.1\n")).isTrue();
    }
}
