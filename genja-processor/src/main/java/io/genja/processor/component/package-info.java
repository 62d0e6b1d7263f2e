/**
 * The {@code @GenjaConnectionPlugin} and {@code @GenjaProcessor} steps: check the class, index its name, register
 * it for {@code ServiceLoader}.
 */
package io.genja.processor.component;
