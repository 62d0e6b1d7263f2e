package io.genja.tasks.template;

import io.genja.inventory.Host;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a template sees, the way nornir_jinja2 offers them: {@code host} (its {@code name},
 * {@code hostname}, {@code platform}, {@code groups}, {@code data}, and each data key directly, as Nornir's
 * {@code host["key"]} does) and every task option as a top-level variable. Passwords are never exposed.
 */
public final class HostVariables {

    private HostVariables() {
    }

    /** The variables of {@code host} with {@code options} (the task options) beside it. */
    public static Map<String, Object> of(Host host, Map<String, ?> options) {
        Map<String, Object> hostView = new LinkedHashMap<>();
        // data keys first, so that the host's own attributes win a clash (host.name is always the name)
        hostView.putAll(host.data());
        hostView.put("name", host.name());
        hostView.put("hostname", host.hostname());
        hostView.put("platform", host.platform());
        hostView.put("port", host.port());
        hostView.put("username", host.username());
        hostView.put("groups", host.groups());
        hostView.put("data", host.data());
        Map<String, Object> variables = new LinkedHashMap<>(options);
        variables.put("host", hostView);
        return variables;
    }
}
