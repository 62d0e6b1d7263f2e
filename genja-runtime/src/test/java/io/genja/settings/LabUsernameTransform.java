package io.genja.settings;

import io.genja.inventory.Inventory;
import io.genja.inventory.TransformFunction;
import java.util.Map;

/** A transform function as users write one: sets every host's username from its options. */
public final class LabUsernameTransform implements TransformFunction {

    @Override
    public String name() {
        return "lab_username";
    }

    @Override
    public Inventory transform(Inventory inventory, Map<String, Object> options) {
        Inventory.Builder builder = inventory.toBuilder();
        inventory.hosts().forEach(host -> builder.host(host.name(),
                host.attributes().toBuilder().username((String) options.get("username")).build()));
        return builder.build();
    }
}
