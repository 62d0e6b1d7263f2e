package io.genja.cli;

import io.genja.inventory.Explanation;
import io.genja.inventory.Filter;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.inventory.SecretResolver;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code genja inventory}: the hosts as resolved, optionally for one connection plugin. Passwords never show, nor
 * the values of secret-named keys ({@link SecretResolver#isSecretKey}) in extras and data.
 */
@Command(name = "inventory", description = "Lists the hosts as resolved (inherited from groups and defaults).")
final class InventoryCommand implements Callable<Integer> {

    @ParentCommand
    GenjaCommand genja;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--filter", paramLabel = "EXPR", description = "Only the hosts this filter selects.")
    String filter;

    @Option(names = "--resolve", paramLabel = "PLUGIN",
            description = "Show the connection parameters each host resolves to for PLUGIN (e.g. ssh).")
    String resolve;

    @Option(names = "--explain", paramLabel = "HOST", description = "Show where each of HOST's values comes from.")
    String explain;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Workspace workspace = Workspace.load(genja);
        Inventory inventory = workspace.inventory();
        PrintStream out = genja.context().out();
        if (resolve != null) {
            checkPlugin(genja.context().plugins(), resolve);
        }
        if (explain != null) {
            if (inventory.host(explain).isEmpty()) {
                throw new CliException("the inventory has no host \"" + explain + "\"."
                        + Suggestions.didYouMean(explain, inventory.hosts().stream().map(Host::name).toList()));
            }
            Explanation explanation = inventory.explain(explain, resolve);
            out.println(json ? Json.write(explanationMap(explanation)) : explanation.toString());
            return ExitStatus.OK;
        }
        Filter selection = filter == null ? Filter.all() : Filter.parse(filter);
        List<Host> hosts = inventory.hosts().stream().filter(selection::test).toList();
        if (json) {
            out.println(Json.write(hosts.stream().map(this::toMap).toList()));
            return ExitStatus.OK;
        }
        TextTable table = resolve == null
                ? new TextTable("HOST", "HOSTNAME", "PORT", "PLATFORM", "GROUPS")
                : new TextTable("HOST", "HOSTNAME", "PORT", "USERNAME", "PLATFORM", "EXTRAS");
        for (Host host : hosts) {
            if (resolve == null) {
                table.row(host.name(), host.hostname(), text(host.port()), text(host.platform()),
                        String.join(",", host.groups()));
            } else {
                ResolvedConnectionParams params = host.connectionParams(resolve);
                table.row(host.name(), params.hostname(), text(params.port()), text(params.username()),
                        text(params.platform()), params.extras().isEmpty() ? ""
                                : SecretResolver.maskExtras(params.extras()).toString());
            }
        }
        table.print(out);
        out.println();
        out.println(hosts.size() == inventory.size() ? ResultTable.count(inventory.size(), "host")
                : hosts.size() + " of " + ResultTable.count(inventory.size(), "host"));
        return ExitStatus.OK;
    }

    /**
     * {@code --resolve} names a registered connection plugin: a typo ({@code shh}) must not silently show the
     * plain attributes as if they were what that plugin would use.
     */
    static void checkPlugin(PluginManager plugins, String name) {
        if (plugins.findConnectionPlugin(name).isEmpty()) {
            List<String> known = plugins.connectionPluginNames();
            throw new CliException("no connection plugin \"" + name + "\" is registered; registered: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + "." + Suggestions.didYouMean(name, known));
        }
    }

    /** A host as JSON: its resolved view, or its resolved connection parameters; never a password. */
    private Map<String, Object> toMap(Host host) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", host.name());
        if (resolve == null) {
            map.put("hostname", host.hostname());
            map.put("port", host.port());
            map.put("username", host.username());
            map.put("platform", host.platform());
            map.put("groups", host.groups());
            map.put("data", SecretResolver.maskExtras(host.data()));
        } else {
            ResolvedConnectionParams params = host.connectionParams(resolve);
            map.put("plugin", resolve);
            map.put("hostname", params.hostname());
            map.put("port", params.port());
            map.put("username", params.username());
            map.put("password_set", params.password() != null);
            map.put("platform", params.platform());
            map.put("extras", SecretResolver.maskExtras(params.extras()));
        }
        return map;
    }

    private static Map<String, Object> explanationMap(Explanation explanation) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", explanation.host());
        map.put("plugin", explanation.plugin());
        map.put("values", explanation.lines().stream().map(line -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("field", line.field());
            value.put("value", line.value());
            value.put("source", line.source());
            return value;
        }).toList());
        return map;
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
