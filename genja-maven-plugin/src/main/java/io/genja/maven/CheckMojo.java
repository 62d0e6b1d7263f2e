package io.genja.maven;

import io.genja.GenjaException;
import io.genja.check.CheckReport;
import io.genja.check.WorkspaceCheck;
import io.genja.document.Problem;
import io.genja.plugin.PluginManager;
import io.genja.task.TaskCatalog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build on what would fail at run time: the project's settings and the inventory they name, checked
 * against the connection plugins, processors and inventory plugins on the project's runtime class path and against
 * its compiled task catalog, as {@code genja check} checks them. Every problem is reported at once, each as
 * {@code [ERROR] path:[line,column] message}; secret references that cannot be resolved here are warnings (the build
 * machine often lacks the secrets). Skipped when nothing it reads changed since its last successful run.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CheckMojo extends AbstractMojo {

    /** The settings file, as {@code genja -c} takes it; the inventory files are the ones it names. */
    @Parameter(property = "genja.config", defaultValue = "${project.basedir}/config.yaml")
    private File configFile;

    /** Skips the check. */
    @Parameter(property = "genja.skip", defaultValue = "false")
    private boolean skip;

    /** Fails the build on warnings too, for a pipeline that has every secret the run needs. */
    @Parameter(property = "genja.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** The class path a run of the project has: its classes and its runtime dependencies. */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    private List<String> classPath;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Genja check skipped (genja.skip)");
            return;
        }
        Path settings = configFile.toPath().toAbsolutePath().normalize();
        if (!Files.isRegularFile(settings)) {
            throw new MojoFailureException("Genja check: there is no settings file " + settings + "; write one (see "
                    + "docs/settings.md), point <configFile> (property genja.config) at it, or skip with -Dgenja.skip");
        }
        Map<String, String> environment = System.getenv();
        InputStamp stamp = new InputStamp(buildDirectory.toPath().resolve("genja").resolve("check.stamp"), classPath,
                "failOnWarning=" + failOnWarning + " " + genjaVariables(environment));
        try (ProjectClassLoader loader = ProjectClassLoader.over(classPath, getClass().getClassLoader())) {
            if (stamp.unchanged(settings)) {
                getLog().info("Genja check: settings, inventory and class path unchanged since the last successful "
                        + "check; skipped");
                return;
            }
            stamp.clear();
            CheckReport report = loader.call(() -> check(settings, environment, loader));
            report.warnings().forEach(warning -> getLog().warn(MavenProblems.format(warning)));
            report.errors().forEach(error -> getLog().error(MavenProblems.format(error)));
            if (report.hasErrors()) {
                throw new MojoFailureException("Genja check found " + MavenProblems.count(report.errors().size(),
                        "problem") + " in " + settings.getFileName() + ", the inventory and the task catalog (see the "
                        + "[ERROR] lines above)");
            }
            if (failOnWarning && !report.warnings().isEmpty()) {
                throw new MojoFailureException("Genja check found " + MavenProblems.count(report.warnings().size(),
                        "warning") + " and failOnWarning is set (see the [WARNING] lines above)");
            }
            stamp.record(report.files());
            getLog().info("Genja check: " + settings + " and its inventory are ok"
                    + (report.warnings().isEmpty() ? "" : ", with " + MavenProblems.count(report.warnings().size(),
                    "warning")));
        } catch (IOException e) {
            throw new MojoExecutionException("Genja check: " + e.getMessage(), e);
        }
    }

    /**
     * Every check of {@link WorkspaceCheck#run}, with the plugins and tasks of the project's class path; a plugin or
     * task adapter that cannot be loaded is one more problem.
     */
    private static CheckReport check(Path settings, Map<String, String> environment, ClassLoader loader) {
        List<Problem> unloadable = new ArrayList<>();
        PluginManager plugins;
        try {
            plugins = PluginManager.discover(loader);
        } catch (GenjaException e) {
            unloadable.add(Problem.of(e.getMessage()));
            plugins = new PluginManager();
        }
        TaskCatalog catalog = null;
        try {
            catalog = TaskCatalog.load(loader);
        } catch (IllegalStateException e) {
            unloadable.add(Problem.of(e.getMessage()));
        }
        CheckReport report = WorkspaceCheck.run(settings, environment, plugins, catalog);
        if (unloadable.isEmpty()) {
            return report;
        }
        List<Problem> errors = new ArrayList<>(unloadable);
        errors.addAll(report.errors());
        return new CheckReport(errors, report.warnings(), report.files());
    }

    /** The {@code GENJA_*} variables, which fill in settings: a change in them is a change of input. */
    private static String genjaVariables(Map<String, String> environment) {
        Map<String, String> variables = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("GENJA_")) {
                variables.put(name, value);
            }
        });
        return variables.toString();
    }
}
