package io.genja.maven;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's classes and dependencies, as a run of the project would see them: its compiled task adapters and
 * catalog, and the connection plugins, processors and inventory plugins of its dependencies. The plugin's own class
 * loader is the parent, so the Genja types the checks use (the plugin interfaces, {@code PluginManager},
 * {@code TaskCatalog}) are one and the same class on both sides; the project's copy of genja-runtime is shadowed by
 * the plugin's, which is why the plugin's version should be the library's.
 */
final class ProjectClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private ProjectClassLoader(URL[] urls, ClassLoader parent) {
        super("genja-project", urls, parent);
    }

    /** A loader over {@code elements}: directories and jars, as Maven lists a class path. */
    static ProjectClassLoader over(List<String> elements, ClassLoader parent) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String element : elements) {
            urls.add(Path.of(element).toUri().toURL());
        }
        return new ProjectClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** Runs {@code action} with this loader as the thread's context class loader. */
    <T> T call(IoCallable<T> action) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(this);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Work that may fail reading files. */
    interface IoCallable<T> {
        T call() throws IOException;
    }
}
