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
import java.util.HexFormat;
import java.util.Locale;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** Writes the marker class that makes one declaration visible to later compilations. */
public final class IndexWriter {

    /**
     * The package the index classes of a class-path compilation live in; later compilations list it. A named
     * module's go to {@code PACKAGE + "." + <module name>} instead (see {@link #packageFor}).
     */
    public static final String PACKAGE = "io.genja.generated.index";

    private final Filer filer;

    public IndexWriter(Filer filer) {
        this.filer = filer;
    }

    /** Writes the index class for {@code entry}, originating from {@code origin}. */
    public void write(IndexEntry entry, ClassName type, Element origin) throws IOException {
        ClassName indexClass = indexClassName(packageFor(origin), entry.kind(), type);
        TypeSpec.Builder spec = TypeSpec.classBuilder(indexClass)
                .addJavadoc("Index entry: $L $S is {@code $L}. Read by the Genja processor of later compilations.\n",
                        entry.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), entry.name(), entry.type());
        GeneratedAnnotation.forClassFrom(origin).ifPresent(spec::addAnnotation);
        spec.addAnnotation(AnnotationSpec.builder(GenjaIndexEntry.class)
                        .addMember("kind", "$T.$L", GenjaIndexEntry.Kind.class, entry.kind().name())
                        .addMember("name", "$S", entry.name())
                        .addMember("type", "$S", entry.type())
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addOriginatingElement(origin);
        JavaFile.builder(indexClass.packageName(), spec.build()).skipJavaLangImports(true).indent("    ").build()
                .writeTo(filer);
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
     * A deterministic name, unique per declaration: readable kind and class name, plus a hash of the qualified
     * name so that {@code a.b.C} in two packages (or {@code a_b.C} and {@code a.b_C}) never collide.
     */
    static ClassName indexClassName(String packageName, GenjaIndexEntry.Kind kind, ClassName type) {
        String prefix = switch (kind) {
            case TASK -> "Task";
            case CONNECTION_PLUGIN -> "ConnectionPlugin";
            case PROCESSOR -> "Processor";
            case INVENTORY_PLUGIN -> "InventoryPlugin";
            case TRANSFORM_FUNCTION -> "TransformFunction";
            case RUNNER -> "Runner";
        };
        return ClassName.get(packageName,
                prefix + "_" + String.join("_", type.simpleNames()) + "_" + hash(type.canonicalName()));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
