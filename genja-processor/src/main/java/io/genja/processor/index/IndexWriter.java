package io.genja.processor.index;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.genja.annotations.GenjaIndexEntry;
import io.genja.processor.base.GeneratedAnnotation;
import io.genja.processor.base.JavaModules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the index classes that make this compilation's declarations visible to later compilations: one class per
 * round (per index package), repeating {@code @GenjaIndexEntry} once per declaration. One file per round rather than
 * one per declaration because javac's cost of a generated file (its name check, entering it, writing it) is per
 * file, whatever its size.
 */
public final class IndexWriter {

    /**
     * The package the index classes of a class-path compilation live in; later compilations list it. A named
     * module's go to {@code PACKAGE + "." + <module name>} instead (see {@link #packageFor}).
     */
    public static final String PACKAGE = "io.genja.generated.index";

    /** The entries of the current round, by index package, each with the class it indexes (in processing order). */
    private final Map<String, Map<IndexEntry, Element>> round = new TreeMap<>();
    private final Filer filer;

    public IndexWriter(Filer filer) {
        this.filer = filer;
    }

    /** Adds {@code entry}, declared by {@code origin}, to the index class of the current round. */
    public void add(IndexEntry entry, Element origin) {
        round.computeIfAbsent(packageFor(origin), name -> new LinkedHashMap<>()).put(entry, origin);
    }

    /** Writes the current round's index classes, if it added entries, and starts the next round. */
    public void writeRound() throws IOException {
        for (Map.Entry<String, Map<IndexEntry, Element>> index : round.entrySet()) {
            write(index.getKey(), index.getValue());
        }
        round.clear();
    }

    private void write(String packageName, Map<IndexEntry, Element> entries) throws IOException {
        List<IndexEntry> sorted = new ArrayList<>(entries.keySet());
        sorted.sort(Comparator.comparing(IndexEntry::kind).thenComparing(IndexEntry::type));
        ClassName indexClass = indexClassName(packageName, sorted);
        Element first = entries.values().iterator().next();
        TypeSpec.Builder spec = TypeSpec.classBuilder(indexClass)
                .addJavadoc("Genja index: the tasks and plugins of one compilation round, for the Genja processor of "
                        + "later compilations.\n");
        GeneratedAnnotation.forClassFrom(first).ifPresent(spec::addAnnotation);
        for (IndexEntry entry : sorted) {
            spec.addAnnotation(AnnotationSpec.builder(GenjaIndexEntry.class)
                    .addMember("kind", "$T.$L", GenjaIndexEntry.Kind.class, entry.kind().name())
                    .addMember("name", "$S", entry.name())
                    .addMember("type", "$S", entry.type())
                    .build());
        }
        spec.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        entries.values().forEach(spec::addOriginatingElement);
        JavaFile.builder(packageName, spec.build()).skipJavaLangImports(true).indent("    ").build().writeTo(filer);
    }

    /**
     * {@link #PACKAGE} on the class path, where every jar's index classes share it and a later compilation lists
     * it; {@code PACKAGE.<module name>} in a named module, because the module path allows a package in one module
     * only (the jars built on the class path, automatic modules there, keep {@link #PACKAGE}).
     */
    public static String packageFor(Element origin) {
        return JavaModules.namedModuleOf(origin).map(module -> PACKAGE + "." + module.getQualifiedName()).orElse(PACKAGE);
    }

    /**
     * A deterministic name, {@code GenjaIndex_<hash>}, the hash taken over the kinds and classes indexed: the same
     * in every build of the same classes, different for every other jar's index class in the shared package and
     * for every other round. A build that compiles only some classes writes another index class next to the one of
     * the full build; {@link ClasspathIndex} keeps of their entries those the classes' annotations still agree with.
     */
    static ClassName indexClassName(String packageName, List<IndexEntry> entries) {
        StringBuilder indexed = new StringBuilder();
        for (IndexEntry entry : entries) {
            indexed.append(entry.kind()).append(' ').append(entry.type()).append('\n');
        }
        return ClassName.get(packageName, "GenjaIndex_" + hash(indexed.toString()));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
