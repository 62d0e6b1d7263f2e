package io.genja.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskReference;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a reference of the project's tasks, like {@code ansible-doc} for a collection: {@code tasks.md} (a table of
 * the tasks, then each one's description, connection plugin, processors, sub-tasks and options) and
 * {@code tasks.json} (the document {@code genja tasks --json} prints), from the compiled task catalog.
 */
@Mojo(name = "catalog", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CatalogMojo extends AbstractMojo {

    /** Where {@code tasks.md} and {@code tasks.json} go. */
    @Parameter(property = "genja.catalog.outputDirectory", defaultValue = "${project.build.directory}/genja")
    private File outputDirectory;

    /** Also lists the tasks of the project's dependencies (by default only the tasks this project compiles). */
    @Parameter(property = "genja.catalog.includeDependencies", defaultValue = "false")
    private boolean includeDependencies;

    /** The Markdown page's title. */
    @Parameter(property = "genja.catalog.title", defaultValue = "Tasks of ${project.name}")
    private String title;

    /** Skips the goal. */
    @Parameter(property = "genja.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    private List<String> classPath;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File classesDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Genja catalog skipped (genja.skip)");
            return;
        }
        try (ProjectClassLoader loader = ProjectClassLoader.over(classPath, getClass().getClassLoader())) {
            List<TaskDefinition> tasks = loader.call(() -> TaskCatalog.load(loader)).all().stream()
                    .filter(task -> includeDependencies || compiledHere(task)).toList();
            Path directory = outputDirectory.toPath();
            Files.createDirectories(directory);
            Path markdown = directory.resolve("tasks.md");
            Files.writeString(markdown, TaskReference.markdown(title, tasks), StandardCharsets.UTF_8);
            Path json = directory.resolve("tasks.json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), TaskReference.document(tasks));
            getLog().info("Genja catalog: " + MavenProblems.count(tasks.size(), "task") + " written to " + markdown
                    + " and " + json.getFileName());
        } catch (IOException e) {
            throw new MojoExecutionException("Genja catalog: cannot write the task reference: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new MojoExecutionException("Genja catalog: " + e.getMessage(), e);
        }
    }

    /** Whether the task's class comes from this project's classes directory rather than a dependency. */
    private boolean compiledHere(TaskDefinition task) {
        CodeSource source = task.taskClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return false;
        }
        try {
            return Path.of(location.toURI()).equals(classesDirectory.toPath().toAbsolutePath());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
