package io.genja.tasks.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.inventory.Attributes;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer alone: Jinja2 as nornir_jinja2 users write it, with a host's resolved data. */
class TemplateRendererTest {

    @TempDir
    Path directory;

    /** r1 in group core (platform cisco_ios, site ams from the group), with its own NTP servers and interfaces. */
    private static Host r1() {
        return Inventory.builder()
                .group("core", Attributes.builder().platform("cisco_ios").data("site", "ams")
                        .data("domain", "example.net").build())
                .host("r1", Attributes.builder().hostname("192.0.2.10").groups("core").password("never-shown")
                        .data("ntp_servers", List.of("192.0.2.1", "192.0.2.2"))
                        .data("interfaces", List.of(
                                        Map.of("name", "GigabitEthernet0/1", "description", "uplink to core",
                                                "enabled", true),
                                        Map.of("name", "GigabitEthernet0/2", "description", "spare",
                                                "enabled", false)))
                        .build())
                .build().host("r1").orElseThrow();
    }

    private Path write(String name, String text) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private List<String> render(String template, Map<String, ?> options) throws Exception {
        return TemplateRenderer.of(write("t.j2", template)).renderLines(HostVariables.of(r1(), options));
    }

    @Test
    void loopsOverHostDataWithTrimBlocksLikeNornirJinja2() throws Exception {
        assertThat(render("""
                {% for server in host.data.ntp_servers %}
                ntp server {{ server }}
                {% endfor %}
                """, Map.of())).containsExactly("ntp server 192.0.2.1", "ntp server 192.0.2.2");
    }

    @Test
    void conditionalsAndNestedSectionsKeepTheirIndentation() throws Exception {
        assertThat(render("""
                {% for intf in host.interfaces %}
                interface {{ intf.name }}
                 description {{ intf.description | upper }}
                {% if intf.enabled %}
                 no shutdown
                {% else %}
                 shutdown
                {% endif %}
                {% endfor %}
                """, Map.of())).containsExactly(
                "interface GigabitEthernet0/1", " description UPLINK TO CORE", " no shutdown",
                "interface GigabitEthernet0/2", " description SPARE", " shutdown");
    }

    @Test
    void filtersHostAttributesGroupsAndTaskOptions() throws Exception {
        assertThat(render("""
                hostname {{ host.name | upper }}
                ip domain name {{ host.domain }}
                ! {{ host.platform }} in {{ host.groups | join(",") }} at {{ host["site"] | default("nowhere") }}
                ntp source {{ source_interface | default("Loopback0") }}
                logging host {{ log_servers | first }}
                {{ "banner motd ^" ~ (host.data.site | replace("ams", "Amsterdam")) ~ "^" }}
                """, Map.of("log_servers", List.of("192.0.2.50", "192.0.2.51"))))
                .containsExactly("hostname R1", "ip domain name example.net", "! cisco_ios in core at ams",
                        "ntp source Loopback0", "logging host 192.0.2.50", "banner motd ^Amsterdam^");
    }

    @Test
    void theHostsPasswordIsNotAVariable() {
        assertThatThrownBy(() -> render("enable secret {{ host.password }}\n", Map.of()))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void anUnknownVariableNamesTheTemplateFileAndLine() throws Exception {
        Path file = write("ntp.j2", """
                ntp source Loopback0
                {% for server in host.data.ntp_servers %}
                ntp server {{ server }} prefer {{ preferred_server }}
                {% endfor %}
                """);
        assertThatThrownBy(() -> TemplateRenderer.of(file).render(HostVariables.of(r1(), Map.of())))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith(file + ":3: ").contains("preferred_server");
                });
    }

    @Test
    void aSyntaxErrorNamesTheTemplateFileAndLine() throws Exception {
        Path file = write("broken.j2", """
                hostname {{ host.name }}
                {% if host.platform == "cisco_ios" %}
                ntp server 192.0.2.1
                {% endfor %}
                """);
        assertThatThrownBy(() -> TemplateRenderer.of(file).render(HostVariables.of(r1(), Map.of())))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).startsWith(file + ":4: ");
                });
    }

    @Test
    void aMissingTemplateFileIsNamed() {
        Path missing = directory.resolve("nope.j2");
        assertThatThrownBy(() -> TemplateRenderer.of(missing))
                .isInstanceOf(TemplateException.class)
                .hasMessage(missing + ": cannot read the template: no such file");
    }

    @Test
    void includesResolveBesideTheTemplate() throws Exception {
        write("ntp-servers.j2", """
                {% for server in host.data.ntp_servers %}
                ntp server {{ server }}
                {% endfor %}
                """);
        assertThat(render("""
                ntp source Loopback0
                {% include "ntp-servers.j2" %}
                """, Map.of())).containsExactly("ntp source Loopback0", "ntp server 192.0.2.1",
                "ntp server 192.0.2.2");
    }
}
