package io.genja.processor.base;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * The {@code @Generated} annotation every generated class carries: the processor's name and no date. It lives in
 * module {@code java.compiler}, which a named module rarely requires: classes generated into one go without.
 * (Asking the module what it requires would make javac resolve its {@code provides} directives before the
 * adapters they name are generated, and fail them.)
 */
public final class GeneratedAnnotation {

    /** The processor's class name, as a string: this package sits below the processor class. */
    public static final String PROCESSOR = "io.genja.processor.GenjaProcessor";

    /** The annotation's qualified name. */
    public static final String NAME = "javax.annotation.processing.Generated";

    /** {@code @javax.annotation.processing.Generated("io.genja.processor.GenjaProcessor")}. */
    public static final AnnotationSpec ANNOTATION =
            AnnotationSpec.builder(ClassName.bestGuess(NAME))
                    .addMember("value", "$S", PROCESSOR)
                    .build();

    /** The annotation for a class generated from {@code origin}; none in a named module. */
    public static Optional<AnnotationSpec> forClassFrom(Element origin) {
        return JavaModules.namedModuleOf(origin).isPresent() ? Optional.empty() : Optional.of(ANNOTATION);
    }

    private GeneratedAnnotation() {
    }
}
