package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The precedence rule as a table: each case writes real hosts/groups/defaults files, loads them and reads one
 * resolved value of host {@code h} (plain, or for plugin {@code ssh} when the field starts with {@code ssh.}).
 */
class PrecedenceTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // Each plain attribute at host, group and defaults level: the most specific one set wins.
        for (String field : List.of("hostname", "username", "password", "platform")) {
            cases.add(Arguments.of(field + " from the host",
                    "h: {groups: [g], " + field + ": host}", "g: {" + field + ": group}",
                    field + ": defaults", field, "host"));
            cases.add(Arguments.of(field + " from the group",
                    "h: {groups: [g]}", "g: {" + field + ": group}", field + ": defaults", field, "group"));
            cases.add(Arguments.of(field + " from the defaults",
                    "h: {groups: [g]}", "g: {}", field + ": defaults", field, "defaults"));
            cases.add(Arguments.of(field + " for ssh from the plain host value",
                    "h: {groups: [g], " + field + ": host}", "g: {" + field + ": group}", "{}",
                    "ssh." + field, "host"));
        }
        cases.add(Arguments.of("port from the host", "h: {groups: [g], port: 1}", "g: {port: 2}", "port: 3",
                "port", 1));
        cases.add(Arguments.of("port from the group", "h: {groups: [g]}", "g: {port: 2}", "port: 3", "port", 2));
        cases.add(Arguments.of("port from the defaults", "h: {groups: [g]}", "g: {}", "port: 3", "port", 3));
        cases.add(Arguments.of("hostname defaults to the host's name", "h: {}", "{}", "{}", "hostname", "h"));
        cases.add(Arguments.of("unset stays unset", "h: {}", "{}", "{}", "ssh.port", null));

        // Two groups: the first listed wins, also when it is listed second in the groups file.
        cases.add(Arguments.of("two groups: the first listed wins",
                "h: {groups: [first, second]}", "second: {username: second}\nfirst: {username: first}", "{}",
                "username", "first"));
        cases.add(Arguments.of("two groups: the second fills what the first leaves out",
                "h: {groups: [first, second]}", "first: {port: 1}\nsecond: {username: second}", "{}",
                "username", "second"));
        // Parents: a group before its own parents; a parent of the first group before the second group.
        cases.add(Arguments.of("child group before its parent",
                "h: {groups: [child]}", "child: {groups: [parent], platform: child}\nparent: {platform: parent}",
                "{}", "platform", "child"));
        cases.add(Arguments.of("parent fills what the child leaves out",
                "h: {groups: [child]}", "child: {groups: [parent]}\nparent: {platform: parent}",
                "platform: defaults", "platform", "parent"));
        cases.add(Arguments.of("grandparent before defaults",
                "h: {groups: [a]}", "a: {groups: [b]}\nb: {groups: [c]}\nc: {port: 3}", "port: 9", "port", 3));
        cases.add(Arguments.of("depth-first: the first group's parent before the second group",
                "h: {groups: [a, b]}", "a: {groups: [pa]}\npa: {username: pa}\nb: {username: b}", "{}",
                "username", "pa"));
        // Diamond: h -> a, b; a -> base; b -> base. Order: h, a, base, b, defaults (each group once).
        String diamond = "a: {groups: [base]}\nb: {groups: [base], username: b, platform: b}\n"
                + "base: {username: base}";
        cases.add(Arguments.of("diamond: base reached through a comes before b",
                "h: {groups: [a, b]}", diamond, "{}", "username", "base"));
        cases.add(Arguments.of("diamond: b fills what base leaves out",
                "h: {groups: [a, b]}", diamond, "platform: defaults", "platform", "b"));
        cases.add(Arguments.of("diamond: base is visited once and still beats the defaults",
                "h: {groups: [a, b]}", "a: {groups: [base]}\nb: {groups: [base]}\nbase: {port: 7}", "port: 9",
                "port", 7));

        // connection_options[ssh] anywhere beats plain anywhere; among them host, groups, defaults.
        cases.add(Arguments.of("options at the host beat plain at the host",
                "h: {port: 1, connection_options: {ssh: {port: 2}}}", "{}", "{}", "ssh.port", 2));
        cases.add(Arguments.of("options at a group beat plain at the host",
                "h: {groups: [g], port: 1}", "g: {connection_options: {ssh: {port: 2}}}", "{}", "ssh.port", 2));
        cases.add(Arguments.of("options at the defaults beat plain at the host",
                "h: {username: plain}", "{}", "connection_options: {ssh: {username: options}}", "ssh.username",
                "options"));
        cases.add(Arguments.of("options at the host beat options at a group",
                "h: {groups: [g], connection_options: {ssh: {port: 1}}}", "g: {connection_options: {ssh: {port: 2}}}",
                "{}", "ssh.port", 1));
        cases.add(Arguments.of("options at a group beat options at the defaults",
                "h: {groups: [g]}", "g: {connection_options: {ssh: {hostname: g}}}",
                "connection_options: {ssh: {hostname: d}}", "ssh.hostname", "g"));
        cases.add(Arguments.of("options for another plugin do not apply",
                "h: {port: 1, connection_options: {netconf: {port: 830}}}", "{}", "{}", "ssh.port", 1));
        cases.add(Arguments.of("options do not change the plain view",
                "h: {port: 1, connection_options: {ssh: {port: 2}}}", "{}", "{}", "port", 1));
        cases.add(Arguments.of("password in options at the defaults beats the host's plain password",
                "h: {password: plain}", "{}", "connection_options: {ssh: {password: options}}", "ssh.password",
                "options"));

        // data and extras merge by top-level key, the most specific source winning per key; no deep merge.
        String dataHosts = "h: {groups: [g], data: {a: host, site: {rack: 1}}}";
        String dataGroups = "g: {data: {a: group, b: group, site: {room: 2}}}";
        String dataDefaults = "data: {b: defaults, c: defaults}";
        cases.add(Arguments.of("data: host key wins", dataHosts, dataGroups, dataDefaults, "data.a", "host"));
        cases.add(Arguments.of("data: group key beats defaults", dataHosts, dataGroups, dataDefaults, "data.b",
                "group"));
        cases.add(Arguments.of("data: defaults key fills in", dataHosts, dataGroups, dataDefaults, "data.c",
                "defaults"));
        cases.add(Arguments.of("data: a nested map is taken whole from one source", dataHosts, dataGroups,
                dataDefaults, "data.site", Map.of("rack", 1)));
        String extrasHosts = "h: {groups: [g], connection_options: {ssh: {extras: {a: host}}}}";
        String extrasGroups = "g: {connection_options: {ssh: {extras: {a: group, b: group}}}}";
        String extrasDefaults = "connection_options: {ssh: {extras: {b: defaults, c: defaults}}}";
        cases.add(Arguments.of("extras: host key wins", extrasHosts, extrasGroups, extrasDefaults,
                "ssh.extras.a", "host"));
        cases.add(Arguments.of("extras: group key beats defaults", extrasHosts, extrasGroups, extrasDefaults,
                "ssh.extras.b", "group"));
        cases.add(Arguments.of("extras: defaults key fills in (not replaced whole, unlike nornir#452)",
                extrasHosts, extrasGroups, extrasDefaults, "ssh.extras.c", "defaults"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolves(String description, String hosts, String groups, String defaults, String field, Object expected)
            throws IOException {
        Inventory inventory = Inventory.load(write("hosts.yaml", hosts), write("groups.yaml", groups),
                write("defaults.yaml", defaults));

        assertThat(value(inventory, field)).as(description).isEqualTo(expected);
    }

    private static Object value(Inventory inventory, String field) {
        Host host = inventory.host("h").orElseThrow();
        if (field.startsWith("ssh.")) {
            ResolvedConnectionParams ssh = inventory.resolveConnection("h", "ssh");
            String rest = field.substring(4);
            if (rest.startsWith("extras.")) {
                return ssh.extras().get(rest.substring(7));
            }
            return switch (rest) {
                case "hostname" -> ssh.hostname();
                case "port" -> ssh.port();
                case "username" -> ssh.username();
                case "password" -> ssh.password();
                case "platform" -> ssh.platform();
                default -> throw new IllegalArgumentException(field);
            };
        }
        if (field.startsWith("data.")) {
            return host.data(field.substring(5)).orElse(null);
        }
        return switch (field) {
            case "hostname" -> host.hostname();
            case "port" -> host.port();
            case "username" -> host.username();
            case "password" -> host.password();
            case "platform" -> host.platform();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content + "\n");
    }
}
