package io.genja.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} annotation every generated class carries: the processor's name and no date. */
public final class GeneratedAnnotation {

    /** {@code @javax.annotation.processing.Generated("io.genja.processor.GenjaProcessor")}. */
    public static final AnnotationSpec ANNOTATION =
            AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                    .addMember("value", "$S", GenjaProcessor.class.getCanonicalName())
                    .build();

    private GeneratedAnnotation() {
    }
}
