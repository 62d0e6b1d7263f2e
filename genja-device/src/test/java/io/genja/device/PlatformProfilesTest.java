package io.genja.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformProfilesTest {

    private final PlatformProfiles builtIn = PlatformProfiles.builtIn();

    @Test
    void builtInProfilesAreFoundOnTheClassPathThroughTheirIndex() {
        // lab_os comes from this module's test resources, found exactly as the built-in ones are
        assertThat(builtIn.names()).containsExactly("arista_eos", "cisco_ios", "cisco_iosxe", "cisco_iosxr",
                "cisco_nxos", "juniper_junos", "lab_os", "linux");
        assertThat(builtIn.find("cisco_ios").orElseThrow().source())
                .endsWith("META-INF/genja/platforms/cisco_ios.yaml");
    }

    @Test
    void aliasesAreDataInTheProfiles() {
        assertThat(builtIn.find("ios").orElseThrow().name()).isEqualTo("cisco_ios");
        assertThat(builtIn.find("IOS-XR").orElseThrow().name()).isEqualTo("cisco_iosxr");
        assertThat(builtIn.find("nxos_ssh").orElseThrow().name()).isEqualTo("cisco_nxos");
        assertThat(builtIn.find("arista").orElseThrow().name()).isEqualTo("arista_eos");
        assertThat(builtIn.find("juniper").orElseThrow().name()).isEqualTo("juniper_junos");
        assertThat(builtIn.find("lab").orElseThrow().name()).isEqualTo("lab_os");
        assertThat(builtIn.find("ubuntu").orElseThrow().name()).isEqualTo("linux");
    }

    @Test
    void builtInProfilesDescribePrivilegeAndConfigurationForTheNextIssue() {
        PlatformProfile ios = builtIn.find("ios").orElseThrow();
        assertThat(ios.privilege().login()).isEqualTo("privileged");
        assertThat(ios.privilege().levelOf("core1(config-if)#").orElseThrow().name()).isEqualTo("config");
        assertThat(ios.privilege().levelOf("core1#").orElseThrow().name()).isEqualTo("privileged");
        assertThat(ios.privilege().levelOf("core1>").orElseThrow().name()).isEqualTo("user");
        assertThat(ios.privilege().enable().command()).isEqualTo("enable");
        assertThat(ios.privilege().enable().secretPrompt().matcher("Password: ").find()).isTrue();
        assertThat(ios.config().kind()).isEqualTo(ConfigModel.Kind.RUNNING);
        assertThat(ios.config().enter()).containsExactly("configure terminal");
        assertThat(ios.config().prompts()).singleElement()
                .satisfies(e -> assertThat(e.expect().matcher("Destination filename [startup-config]? ").find()).isTrue());
        assertThat(builtIn.find("iosxr").orElseThrow().config().kind()).isEqualTo(ConfigModel.Kind.CANDIDATE);
        assertThat(builtIn.find("junos").orElseThrow().config().diff()).isEqualTo("show | compare");
        assertThat(builtIn.find("junos").orElseThrow().privilege().levelOf("admin@mx1# ").orElseThrow().name())
                .isEqualTo("config");
        assertThat(builtIn.find("eos").orElseThrow().config().enter()).containsExactly("configure session {session}");
        assertThat(builtIn.find("nxos").orElseThrow().config().kind()).isEqualTo(ConfigModel.Kind.CHECKPOINT);
        assertThat(builtIn.find("linux").orElseThrow().config()).isEqualTo(ConfigModel.NONE);
    }

    @Test
    void aJarOrDirectoryOnTheClassPathAddsProfilesWithoutCode(@TempDir Path dir) throws Exception {
        write(dir, "acme_os", """
                name: acme_os
                aliases: [acme]
                prompt: '^acme\\[[\\w.-]+\\]\\$\\s*$'
                samples: {prompt: 'acme[{host}]$'}
                """);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            PlatformProfiles profiles = PlatformProfiles.fromClassPath(loader);
            assertThat(profiles.find("acme").orElseThrow().name()).isEqualTo("acme_os");
            assertThat(profiles.names()).contains("acme_os", "cisco_ios", "lab_os");
        }
    }

    @Test
    void aMalformedProfileIsReportedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        write(dir, "broken_os", """
                name: broken_os
                prompt: '#\\s*$'
                privilege:
                  levels:
                    user: {prompt: '>\\s*$'}
                  login: privileged
                """);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> PlatformProfiles.fromClassPath(loader))
                    .hasMessageContaining("broken_os.yaml:6: privilege.login must name one of the levels described "
                            + "([user]), got \"privileged\"");
        }
    }

    @Test
    void anIndexNamingAMissingFileOrTwoProfilesClaimingOneNameAreErrors(@TempDir Path dir) throws Exception {
        Path missing = Files.createDirectories(dir.resolve("missing/META-INF/genja"));
        Files.writeString(missing.resolve("platforms.idx"), "ghost_os\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("missing").toUri().toURL()})) {
            assertThatThrownBy(() -> PlatformProfiles.fromClassPath(loader))
                    .hasMessageContaining("names a profile that is not there")
                    .hasMessageContaining("platforms/ghost_os.yaml");
        }
        Path twice = dir.resolve("twice");
        write(twice, "other_ios", "name: other_ios\naliases: [ios]\nprompt: '#'\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {twice.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> PlatformProfiles.fromClassPath(loader))
                    .hasMessageContaining("claims the name \"ios\", already used by")
                    .hasMessageContaining("cisco_ios.yaml");
        }
    }

    @Test
    void everyProblemNamesTheFileTheLineAndWhatWouldBeRight(@TempDir Path dir) throws Exception {
        expectProblem(dir, "name: x\nprompt: '#$'\npaging_of: []\n", ":3: unknown field \"paging_of\"");
        expectProblem(dir, "name: x\nprompt: '[#'\n", ":2: \"prompt\" is not a valid regular expression");
        expectProblem(dir, "name: x\nprompt: '#'\ndefault_mode: telnet\n", ":3: default_mode must be exec or shell");
        expectProblem(dir, "name: x\nprompt: '#'\nconfig: {model: candidate, enter: conf, exit: end}\n",
                ":3: config.model candidate needs config.diff");
        expectProblem(dir, "name: x\nprompt: '#'\nconfig: {model: running, enter: conf, exit: '{what}'}\n",
                ":3: config.exit uses an unknown placeholder {what}");
        expectProblem(dir, "name: x\nprompt: '#\\s*$'\nsamples:\n  prompt: '{host}>'\n",
                ":4: samples.prompt \"{host}>\" does not match prompt");
        expectProblem(dir, "name: x\nprompt: '#'\nerror_patterns: ['^%']\nsamples: {error: 'oops'}\n",
                "samples.error does not match any of error_patterns");
        expectProblem(dir, "name: x\nprompt: [a\n", "is not valid YAML");
        expectProblem(dir, "name: x\nprompt: '#'\nfiles:\n  checksum: {command: 'md5sum', pattern: '(x)'}\n",
                ":4: files.checksum.command needs {path}");
        expectProblem(dir, "name: x\nprompt: '#'\nfiles:\n  checksum: {command: 'md5 {path}', pattern: '[0-9a-f]{32}'}\n",
                "files.checksum.pattern needs a group around the MD5");
        expectProblem(dir, "name: x\nprompt: '#'\nfiles:\n  checksum: {command: 'md5 {path}', pattern: '^([0-9a-f]{32})$',"
                + " sample: 'MD5 = {md5}'}\n", "files.checksum.sample must show the MD5");
    }

    @Test
    void filesSectionsMapDevicePathsAndFindTheChecksumInEachPlatformsOutput() {
        FileSystems ios = builtIn.find("ios").orElseThrow().files();
        assertThat(ios.transferPath("flash:image.bin")).isEqualTo("flash:/image.bin");
        assertThat(ios.transferPath("flash:/image.bin")).isEqualTo("flash:/image.bin");
        assertThat(ios.transferPath("bootflash:image.bin")).isEqualTo("bootflash:/image.bin");
        assertThat(ios.defaultDirectory()).isEqualTo("flash:");
        assertThat(ios.checksum().commandFor("flash:image.bin")).isEqualTo("verify /md5 flash:image.bin");
        assertThat(ios.checksum().md5("..........Done!\nverify /md5 (flash:image.bin) = 0D2D3FA2E0B0F4C3A86D3C9E3A1D7A6E\n"))
                .contains("0d2d3fa2e0b0f4c3a86d3c9e3a1d7a6e");
        assertThat(ios.checksum().md5("%Error opening flash:x.bin (No such file or directory)")).isEmpty();
        assertThat(ios.checksum().pathIn("verify /md5 flash:image.bin")).contains("flash:image.bin");
        assertThat(ios.checksum().pathIn("show version")).isEmpty();

        assertThat(builtIn.find("eos").orElseThrow().files().transferPath("flash:image.swi"))
                .isEqualTo("/mnt/flash/image.swi");
        FileSystems nxos = builtIn.find("nxos").orElseThrow().files();
        assertThat(nxos.checksum().commandFor("bootflash:nx.bin")).isEqualTo("show file bootflash:nx.bin md5sum");
        assertThat(nxos.checksum().md5("0d2d3fa2e0b0f4c3a86d3c9e3a1d7a6e\n")).isPresent();
        FileSystems junos = builtIn.find("junos").orElseThrow().files();
        assertThat(junos.transferPath("/var/tmp/jinstall.tgz")).isEqualTo("/var/tmp/jinstall.tgz");
        assertThat(junos.checksum().md5("MD5 (/var/tmp/jinstall.tgz) = 0d2d3fa2e0b0f4c3a86d3c9e3a1d7a6e")).isPresent();
        FileSystems linux = builtIn.find("linux").orElseThrow().files();
        assertThat(linux.checksum().md5("0d2d3fa2e0b0f4c3a86d3c9e3a1d7a6e  /tmp/a\n"))
                .contains("0d2d3fa2e0b0f4c3a86d3c9e3a1d7a6e");
        assertThat(PlatformProfiles.GENERIC.files().checksum()).isNull();
    }

    private void expectProblem(Path dir, String yaml, String message) throws Exception {
        Path file = dir.resolve("p" + Math.abs(yaml.hashCode()) + ".yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> builtIn.with(file)).hasMessageContaining(file.toString()).hasMessageContaining(message);
    }

    /** Writes a profile and its index line the way a jar would ship them. */
    private static void write(Path root, String name, String yaml) throws Exception {
        Path platforms = Files.createDirectories(root.resolve("META-INF/genja/platforms"));
        Files.writeString(platforms.resolve(name + ".yaml"), yaml);
        Files.writeString(root.resolve("META-INF/genja/platforms.idx"), name + "\n");
    }
}
