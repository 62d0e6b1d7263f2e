package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.device.PlatformProfile;
import io.genja.device.PlatformProfiles;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML of docs/telnet.md means what the page says: its inventory sends the {@code telnet_only} group's ssh tasks
 * through the telnet plugin with the group's telnet options, and its {@code login:} excerpt loads as a profile.
 */
class TelnetDocsTest {

    @TempDir
    Path directory;

    @Test
    void theInventoryOfThePageSendsTheTelnetOnlyGroupOverTelnet() throws Exception {
        Map<String, String> files = yamlBlocks();
        Path hosts = Files.writeString(directory.resolve("hosts.yaml"), files.get("hosts.yaml"));
        Path groups = Files.writeString(directory.resolve("groups.yaml"), files.get("groups.yaml"));
        Inventory inventory = Inventory.load(hosts, groups, null);
        ConnectionResolver resolver = ConnectionResolver.of(inventory, PluginManager.discover(), Settings.defaults());

        assertThat(resolver.connectionPlugin("core-1", "ssh")).isEqualTo("ssh");
        assertThat(resolver.connectionPlugin("old-sw1", "ssh")).isEqualTo("telnet");
        assertThat(resolver.connectionPlugin("old-sw2", "ssh")).isEqualTo("telnet");
        ResolvedConnectionParams telnet = inventory.resolveConnection("old-sw2", "telnet");
        assertThat(telnet.port()).isEqualTo(23);
        assertThat(telnet.username()).isEqualTo("automation");
        assertThat(telnet.platform()).isEqualTo("arista_eos");
        assertThat(telnet.extras()).containsEntry("timeout", 20);
        assertThat(PluginManager.discover().connectionPlugin("telnet")
                .validate("old-sw2", telnet)).isEmpty();
    }

    @Test
    void theLoginExcerptOfThePageLoadsAsAProfile() throws Exception {
        String excerpt = yamlBlocks().get("META-INF/genja/platforms/acme_os.yaml (excerpt)");
        Path profile = Files.writeString(directory.resolve("acme_os.yaml"),
                "name: acme_os\nprompt: '[\\w.-]+[>#]\\s*$'\n" + excerpt);
        PlatformProfile.Login login = PlatformProfiles.builtIn().with(profile).find("acme_os").orElseThrow().login();
        assertThat(login.usernameSample()).isEqualTo("User ID: ");
        assertThat(login.passwordPrompt().matcher("Passcode: ").find()).isTrue();
        assertThat(login.failure().matcher("ACCESS DENIED").find()).isTrue();
    }

    /** The page's YAML blocks by their first line's comment ({@code # hosts.yaml}), without that line. */
    private static Map<String, String> yamlBlocks() throws IOException {
        Path page = DocsRoot.find().resolve("docs/telnet.md");
        return MarkdownSnippets.blocks(page).stream()
                .filter(block -> block.language().equals("yaml") && block.code().startsWith("# "))
                .collect(Collectors.toMap(block -> block.code().lines().findFirst().orElseThrow().substring(2).strip(),
                        block -> block.code().substring(block.code().indexOf('\n') + 1)));
    }
}
