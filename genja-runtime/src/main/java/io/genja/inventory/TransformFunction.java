package io.genja.inventory;

import java.util.Map;

/**
 * Changes an inventory after it is loaded (Nornir's {@code transform_function}): fill in credentials, derive
 * hostnames, drop hosts. Chosen by {@code inventory.transform_function} in the settings, with
 * {@code inventory.transform_function_options}; registered for {@link java.util.ServiceLoader} under this
 * interface (or with {@code PluginManager.register}) and found by name.
 *
 * <pre>{@code
 * public final class LabUsername implements TransformFunction {
 *     public String name() { return "lab_username"; }
 *     public Inventory transform(Inventory inventory, Map<String, Object> options) {
 *         Inventory.Builder builder = inventory.toBuilder();
 *         inventory.hosts().forEach(host -> builder.host(host.name(),
 *                 host.attributes().toBuilder().username((String) options.get("username")).build()));
 *         return builder.build();
 *     }
 * }
 * }</pre>
 */
public interface TransformFunction {

    String name();

    /**
     * Returns the transformed inventory; {@code inventory} itself is immutable and stays as it was.
     *
     * @param options {@code inventory.transform_function_options} (empty when not set)
     */
    Inventory transform(Inventory inventory, Map<String, Object> options);
}
