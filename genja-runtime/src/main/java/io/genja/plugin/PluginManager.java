package io.genja.plugin;

import io.genja.GenjaException;
import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.annotations.GenjaInventoryPlugin;
import io.genja.annotations.GenjaProcessor;
import io.genja.annotations.GenjaRunner;
import io.genja.annotations.GenjaTransformFunction;
import io.genja.connection.ConnectionPlugin;
import io.genja.inventory.InventoryPlugin;
import io.genja.inventory.TransformFunction;
import io.genja.runner.Runner;
import io.genja.task.TaskProcessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection plugins, task processors, inventory plugins and transform functions a {@code Genja} can use,
 * by name. {@link #discover()} finds every
 * plugin registered for {@link ServiceLoader} (the annotation processor registers annotated classes);
 * {@link #register} adds more. Safe to use from many threads.
 */
public final class PluginManager {

    private final Map<String, ConnectionPlugin> connectionPlugins = new ConcurrentHashMap<>();
    private final Map<String, TaskProcessor> processors = new ConcurrentHashMap<>();
    private final Map<String, InventoryPlugin> inventoryPlugins = new ConcurrentHashMap<>();
    private final Map<String, TransformFunction> transformFunctions = new ConcurrentHashMap<>();
    private final Map<String, Runner> runners = new ConcurrentHashMap<>();

    /**
     * A manager without plugins, knowing the runners registered for {@link ServiceLoader} where genja-runtime is
     * (the built-in {@code serial}, {@code threaded}, {@code async} among them): every run needs one.
     */
    public PluginManager() {
        loadRunners(PluginManager.class.getClassLoader());
    }

    /** Every plugin and processor registered for {@link ServiceLoader} on the context class loader. */
    public static PluginManager discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : PluginManager.class.getClassLoader());
    }

    /**
     * Every plugin and processor registered for {@link ServiceLoader} on {@code loader}.
     *
     * @throws GenjaException when a registered class cannot be loaded or two plugins share a name
     */
    public static PluginManager discover(ClassLoader loader) {
        PluginManager manager = new PluginManager();
        try {
            ServiceLoader.load(ConnectionPlugin.class, loader).forEach(manager::register);
            ServiceLoader.load(TaskProcessor.class, loader).forEach(manager::register);
            ServiceLoader.load(InventoryPlugin.class, loader).forEach(manager::register);
            ServiceLoader.load(TransformFunction.class, loader).forEach(manager::register);
            manager.loadRunners(loader);
        } catch (ServiceConfigurationError e) {
            throw new GenjaException("cannot load a plugin registered in META-INF/services: " + e.getMessage(), e);
        }
        return manager;
    }

    /**
     * Adds a connection plugin.
     *
     * @throws GenjaException when another plugin of a different class already has that name
     */
    public PluginManager register(ConnectionPlugin plugin) {
        return add(connectionPlugins, nameOf("connection plugin", plugin, plugin == null ? null : plugin.name()),
                plugin, "connection plugin");
    }

    /**
     * Adds a task processor.
     *
     * @throws GenjaException when another processor of a different class already has that name
     */
    public PluginManager register(TaskProcessor processor) {
        return add(processors, nameOf("processor", processor, processor == null ? null : processor.name()),
                processor, "processor");
    }

    /**
     * Adds an inventory plugin (for {@code inventory.plugin} in the settings).
     *
     * @throws GenjaException when another plugin of a different class already has that name
     */
    public PluginManager register(InventoryPlugin plugin) {
        return add(inventoryPlugins, nameOf("inventory plugin", plugin, plugin == null ? null : plugin.name()),
                plugin, "inventory plugin");
    }

    /**
     * Adds a transform function (for {@code inventory.transform_function} in the settings).
     *
     * @throws GenjaException when another function of a different class already has that name
     */
    public PluginManager register(TransformFunction function) {
        return add(transformFunctions, nameOf("transform function", function,
                function == null ? null : function.name()), function, "transform function");
    }

    /**
     * Adds a runner (for {@code RunOptions.runner(...)} and {@code runner.plugin} in the settings).
     *
     * @throws GenjaException when another runner of a different class already has that name
     */
    public PluginManager register(Runner runner) {
        return add(runners, nameOf("runner", runner, runner == null ? null : runner.name()), runner, "runner");
    }

    private void loadRunners(ClassLoader loader) {
        try {
            ServiceLoader.load(Runner.class, loader).forEach(this::register);
        } catch (ServiceConfigurationError e) {
            throw new GenjaException("cannot load a runner registered in META-INF/services: " + e.getMessage(), e);
        }
    }

    /** Registers {@code plugin}; one of the same class replaces an earlier one, a different class is an error. */
    private <T> PluginManager add(Map<String, T> plugins, String name, T plugin, String what) {
        T earlier = plugins.putIfAbsent(name, plugin);
        if (earlier != null && earlier != plugin) {
            if (earlier.getClass() == plugin.getClass()) {
                plugins.put(name, plugin);
            } else {
                throw duplicate(what, name, earlier, plugin);
            }
        }
        return this;
    }

    public Optional<ConnectionPlugin> findConnectionPlugin(String name) {
        return Optional.ofNullable(connectionPlugins.get(name));
    }

    /**
     * The connection plugin called {@code name}.
     *
     * @throws GenjaException naming the known plugins when there is none
     */
    public ConnectionPlugin connectionPlugin(String name) {
        ConnectionPlugin plugin = connectionPlugins.get(name);
        if (plugin == null) {
            throw new GenjaException("no connection plugin \"" + name + "\" is registered; known: "
                    + known(connectionPlugins) + ". Add the plugin's jar to the class path or register it with "
                    + "PluginManager.register(...)");
        }
        return plugin;
    }

    public Optional<TaskProcessor> findProcessor(String name) {
        return Optional.ofNullable(processors.get(name));
    }

    /**
     * The processor called {@code name}.
     *
     * @throws GenjaException naming the known processors when there is none
     */
    public TaskProcessor processor(String name) {
        TaskProcessor processor = processors.get(name);
        if (processor == null) {
            throw new GenjaException("no processor \"" + name + "\" is registered; known: " + known(processors));
        }
        return processor;
    }

    /** The names of the connection plugins, sorted. */
    public List<String> connectionPluginNames() {
        return List.copyOf(new TreeMap<>(connectionPlugins).keySet());
    }

    /** The names of the processors, sorted. */
    public List<String> processorNames() {
        return List.copyOf(new TreeMap<>(processors).keySet());
    }

    public Optional<InventoryPlugin> findInventoryPlugin(String name) {
        return Optional.ofNullable(inventoryPlugins.get(name));
    }

    /** The names of the registered inventory plugins, sorted. */
    public List<String> inventoryPluginNames() {
        return List.copyOf(new TreeMap<>(inventoryPlugins).keySet());
    }

    public Optional<TransformFunction> findTransformFunction(String name) {
        return Optional.ofNullable(transformFunctions.get(name));
    }

    /** The names of the registered transform functions, sorted. */
    public List<String> transformFunctionNames() {
        return List.copyOf(new TreeMap<>(transformFunctions).keySet());
    }

    public Optional<Runner> findRunner(String name) {
        return Optional.ofNullable(runners.get(name));
    }

    /** The names of the registered runners, sorted. */
    public List<String> runnerNames() {
        return List.copyOf(new TreeMap<>(runners).keySet());
    }

    /** The connection plugins, sorted by name. */
    public List<ConnectionPlugin> connectionPlugins() {
        return List.copyOf(new TreeMap<>(connectionPlugins).values());
    }

    private static String known(Map<String, ?> plugins) {
        return plugins.isEmpty() ? "none" : String.join(", ", new TreeMap<>(plugins).keySet());
    }

    private static String nameOf(String what, Object plugin, String name) {
        if (plugin == null) {
            throw new GenjaException("cannot register a null " + what);
        }
        if (name == null || name.isBlank()) {
            throw new GenjaException(what + " " + plugin.getClass().getName() + " has no name; name() must return "
                    + "the name tasks use, for example \"ssh\"");
        }
        String annotated = annotatedName(plugin.getClass());
        if (annotated != null && !annotated.equals(name)) {
            throw new GenjaException(what + " " + plugin.getClass().getName() + " is annotated with name \""
                    + annotated + "\" but its name() returns \"" + name + "\"; make them the same: the compiler "
                    + "checks tasks against the annotation's name, the run finds plugins by name()");
        }
        return name;
    }

    /** The name a Genja plugin annotation gives {@code type}, or {@code null} when it has none. */
    private static String annotatedName(Class<?> type) {
        GenjaConnectionPlugin connection = type.getAnnotation(GenjaConnectionPlugin.class);
        GenjaProcessor processor = type.getAnnotation(GenjaProcessor.class);
        GenjaInventoryPlugin inventory = type.getAnnotation(GenjaInventoryPlugin.class);
        GenjaTransformFunction transform = type.getAnnotation(GenjaTransformFunction.class);
        GenjaRunner runner = type.getAnnotation(GenjaRunner.class);
        return connection != null ? connection.name() : processor != null ? processor.name()
                : inventory != null ? inventory.name() : transform != null ? transform.name()
                : runner != null ? runner.name() : null;
    }

    private static GenjaException duplicate(String what, String name, Object earlier, Object later) {
        return new GenjaException("two " + what + "s are named \"" + name + "\": " + earlier.getClass().getName()
                + " and " + later.getClass().getName() + "; names must be unique: rename one, or remove one of the "
                + "jars from the class path");
    }

    @Override
    public String toString() {
        return "PluginManager[connectionPlugins=" + connectionPluginNames() + ", processors=" + processorNames() + "]";
    }
}
