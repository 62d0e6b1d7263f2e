package io.genja.processor.base;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} annotation every generated class carries: the processor's name and no date. */
public final class GeneratedAnnotation {

    /** The processor's class name, as a string: this package sits below the processor class. */
    private static final String PROCESSOR = "io.genja.processor.GenjaProcessor";

    /** The annotation's qualified name. */
    public static final String NAME = "javax.annotation.processing.Generated";

    /** {@code @javax.annotation.processing.Generated("io.genja.processor.GenjaProcessor")}. */
    public static final AnnotationSpec ANNOTATION =
            AnnotationSpec.builder(ClassName.bestGuess(NAME))
                    .addMember("value", "$S", PROCESSOR)
                    .build();

    private GeneratedAnnotation() {
    }
}
