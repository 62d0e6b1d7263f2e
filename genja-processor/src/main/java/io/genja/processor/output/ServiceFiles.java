package io.genja.processor.output;

import io.genja.processor.base.JavaModules;
import io.genja.processor.base.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/<interface>} once, in the last round, with the entries of every round. Entries
 * of the same file from an earlier (incremental) compilation are kept while their class still exists. In a named
 * module, where {@code ServiceLoader} ignores those files, it checks that {@code module-info.java} provides them.
 */
public final class ServiceFiles {

    private final Filer filer;
    private final Elements elements;
    private final Messager messager;

    public ServiceFiles(ProcessingEnvironment env) {
        this.filer = env.getFiler();
        this.elements = env.getElementUtils();
        this.messager = env.getMessager();
    }

    /**
     * Writes the service file of {@code serviceInterface}, listing {@code binaryNames} (sorted, one per line) and
     * the earlier compilation's entries whose class still exists. Writes nothing when there is nothing to list.
     */
    public void write(String serviceInterface, Collection<String> binaryNames, Element... origins) throws IOException {
        if (!binaryNames.isEmpty()) {
            write(serviceInterface, binaryNames, entry -> true, origins);
        }
    }

    /**
     * As {@link #write(String, Collection, Element...)}, keeping of the earlier entries only those
     * {@code keepEarlier} accepts (and whose class still exists); writes also when only an earlier file has entries.
     */
    public void write(String serviceInterface, Collection<String> binaryNames, Predicate<String> keepEarlier,
                      Element... origins) throws IOException {
        String path = "META-INF/services/" + serviceInterface;
        Optional<Set<String>> earlier = earlierEntries(path);
        if (binaryNames.isEmpty() && earlier.isEmpty()) {
            return;
        }
        checkProvided(serviceInterface, binaryNames, origins);
        Set<String> entries = new TreeSet<>(binaryNames);
        earlier.ifPresent(names -> names.stream().filter(keepEarlier).forEach(entries::add));
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
        try (Writer writer = file.openWriter()) {
            for (String entry : entries) {
                writer.write(entry);
                writer.write('\n');
            }
        }
    }

    /**
     * In a named module, {@code ServiceLoader} finds only what {@code module-info.java} declares with
     * {@code provides}: a missing one is an error that shows the directive to write.
     */
    private void checkProvided(String serviceInterface, Collection<String> binaryNames, Element... origins) {
        Optional<ModuleElement> module = Arrays.stream(origins).map(JavaModules::namedModuleOf).flatMap(Optional::stream)
                .findFirst();
        if (module.isEmpty() || binaryNames.isEmpty()) {
            return;
        }
        Set<String> provided = new TreeSet<>();
        ElementFilter.providesIn(module.get().getDirectives()).stream()
                .filter(provides -> provides.getService().getQualifiedName().contentEquals(serviceInterface))
                .flatMap(provides -> provides.getImplementations().stream())
                .forEach(implementation -> provided.add(elements.getBinaryName(implementation).toString()));
        if (!provided.containsAll(binaryNames)) {
            Set<String> needed = new TreeSet<>(provided);
            needed.addAll(binaryNames);
            messager.printMessage(Diagnostic.Kind.ERROR, Messages.moduleMustProvide(
                    module.get().getQualifiedName().toString(), serviceInterface,
                    needed.stream().map(name -> name.replace('$', '.')).toList()), module.get());
        }
    }

    /** The earlier file's entries whose class still exists; empty when there is no earlier file. */
    private Optional<Set<String>> earlierEntries(String path) {
        Set<String> entries = new TreeSet<>();
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (Reader reader = new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8);
                 BufferedReader lines = new BufferedReader(reader)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String entry = line.replaceFirst("#.*", "").trim();
                    if (!entry.isEmpty() && elements.getTypeElement(entry.replace('$', '.')) != null) {
                        entries.add(entry);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no earlier file (a clean build), or a file manager that cannot read its output: nothing to merge
            return Optional.empty();
        }
        return Optional.of(entries);
    }
}
