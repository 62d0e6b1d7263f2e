package io.genja.runner;

import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.settings.Settings;
import java.util.List;
import java.util.Locale;

/**
 * How a run's hosts get threads. Every runner executes the same host pipeline; they differ only in how many
 * hosts are in flight and which threads run the steps:
 * <ul>
 *   <li>{@code serial}: one host after another, on the calling thread;</li>
 *   <li>{@code threaded}: {@code workers} hosts in flight on {@code workers} threads;</li>
 *   <li>{@code async}: many hosts in flight (all, or {@code workers}) on a few threads; asynchronous tasks and
 *       connections release the thread while they wait.</li>
 * </ul>
 */
interface Runner {

    /** The runners {@link #select} knows. */
    List<String> NAMES = List.of("async", "serial", "threaded");

    /** Opens the lanes for one run over {@code hostCount} hosts; the caller closes them. */
    Lanes open(int hostCount);

    /**
     * The runner {@code options} ask for, else the one {@code settings} configure.
     *
     * @throws GenjaException naming the known runners when the name is unknown
     */
    static Runner select(RunOptions options, Settings settings) {
        String name = options.runner().orElse(settings.runnerPlugin());
        switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "serial":
                return new SerialRunner();
            case "threaded":
                int workers = options.workers().orElse(settings.workerCount());
                if (workers < 1) {
                    throw new GenjaException("runner.worker_count must be 1 or more, got " + workers);
                }
                return new ThreadedRunner(workers);
            case "async":
                return new AsyncRunner(options.workers().orElse(Integer.MAX_VALUE),
                        Math.max(2, Runtime.getRuntime().availableProcessors()));
            default:
                throw new GenjaException("unknown runner \"" + name + "\"; known runners: " + String.join(", ", NAMES)
                        + " (RunOptions.runner(...) or genja run --runner; runner.plugin in the settings takes threaded"
                        + " or serial)");
        }
    }
}
