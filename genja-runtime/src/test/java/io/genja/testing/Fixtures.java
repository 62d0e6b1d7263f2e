package io.genja.testing;

import io.genja.Genja;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskProcessor;
import java.util.List;

/** In-memory inventories and {@link Genja}s for engine tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** {@code count} hosts named {@code h0}, {@code h1}, ... */
    public static Inventory hosts(int count) {
        Inventory.Builder builder = Inventory.builder();
        for (int i = 0; i < count; i++) {
            builder.host("h" + i);
        }
        return builder.build();
    }

    /** A Genja over {@code count} hosts with these tasks, plugins and processors (nothing discovered). */
    public static Genja genja(int count, List<? extends TaskDefinition> tasks, List<MemoryPlugin> plugins,
                              List<? extends TaskProcessor> processors) {
        PluginManager manager = new PluginManager();
        plugins.forEach(manager::register);
        processors.forEach(manager::register);
        return Genja.builder(hosts(count)).plugins(manager).catalog(TaskCatalog.of(tasks)).build();
    }

    public static Genja genja(int count, TaskDefinition... tasks) {
        return genja(count, List.of(tasks), List.of(), List.of());
    }
}
