package io.genja.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Test helpers: compile sources with the Genja processor, and use what a compilation wrote. */
final class Compilations {

    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    private Compilations() {
    }

    /** A source file for class {@code qualifiedName}. */
    static JavaFileObject source(String qualifiedName, String code) {
        return JavaFileObjects.forSourceString(qualifiedName, code);
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new GenjaProcessor()).compile(sources);
    }

    static Compilation compile(List<String> options, JavaFileObject... sources) {
        return javac().withProcessors(new GenjaProcessor()).withOptions(options).compile(sources);
    }

    /** Compiles with {@code folder} added to the test's class path, as a later module compiling against a jar. */
    static Compilation compileAgainst(Path folder, JavaFileObject... sources) {
        return javac().withProcessors(new GenjaProcessor()).withClasspath(classPathWith(folder)).compile(sources);
    }

    /** The test's own class path plus {@code folder}. */
    static List<File> classPathWith(Path folder) {
        return classPathWith(List.of(folder));
    }

    /** The test's own class path after {@code folders} (class folders or jars). */
    static List<File> classPathWith(List<Path> folders) {
        List<File> entries = new ArrayList<>();
        folders.forEach(folder -> entries.add(folder.toFile()));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(File::new)
                .forEach(entries::add);
        return entries;
    }

    /** Writes every class file and resource the compilation produced under {@code folder}, as javac -d would. */
    static Path writeClassOutput(Compilation compilation, Path folder) {
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (!path.startsWith(CLASS_OUTPUT)) {
                continue;
            }
            Path target = folder.resolve(path.substring(CLASS_OUTPUT.length()));
            try (InputStream in = file.openInputStream()) {
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /** A class loader over the compilation's output, delegating to the test's (so the runtime types are shared). */
    static URLClassLoader load(Compilation compilation, Path folder) {
        writeClassOutput(compilation, folder);
        try {
            return new URLClassLoader(new URL[] {folder.toUri().toURL()}, Compilations.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many generated files have this path in the class output (a resource written twice would show twice). */
    static long countOutputs(Compilation compilation, String path) {
        return compilation.generatedFiles().stream().filter(f -> f.toUri().getPath().equals(CLASS_OUTPUT + path)).count();
    }
}
