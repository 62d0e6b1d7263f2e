package io.genja.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One validated {@code @TaskOption} field.
 *
 * @param field the field's name in source
 * @param name the option's name ({@code -o name=value})
 * @param type how values are converted
 * @param javaType the field's type, for generated code
 * @param typeText the field's type as written, for the catalog ({@code java.time.Duration})
 */
public record OptionModel(String field, String name, boolean required, String description, OptionType type,
                          TypeName javaType, String typeText) {
}
