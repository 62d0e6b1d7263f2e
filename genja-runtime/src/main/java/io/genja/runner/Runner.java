package io.genja.runner;

/**
 * How a run's hosts get threads, found by {@linkplain #name() name} ({@code RunOptions.runner(...)},
 * {@code runner.plugin} in the settings, {@code genja run --runner}). Every runner drives the same per-host
 * pipeline; a runner only decides which threads run its steps and how many hosts are in flight at once.
 *
 * <p>The built-in runners ({@code serial}, {@code threaded}, {@code async}) are registered like any other: a line
 * in {@code META-INF/services/io.genja.runner.Runner} naming a public class with a public no-argument
 * constructor. {@code PluginManager.register(Runner)} adds one at run time.
 */
public interface Runner {

    /** The name users select the runner by, for example {@code "threaded"}; unique among the registered runners. */
    String name();

    /**
     * Opens the lanes of one run. The engine closes them when the run ends, also when it fails or is interrupted.
     *
     * @throws IllegalArgumentException when {@code context} carries options this runner cannot use; the run then
     *     fails before any host is touched
     */
    Lanes open(RunnerContext context);
}
