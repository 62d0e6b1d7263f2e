/**
 * The plugin steps ({@code @GenjaConnectionPlugin}, {@code @GenjaProcessor}, {@code @GenjaInventoryPlugin},
 * {@code @GenjaTransformFunction}, {@code @GenjaRunner}): check the class, index its name, register it for
 * {@code ServiceLoader}.
 */
package io.genja.processor.component;
