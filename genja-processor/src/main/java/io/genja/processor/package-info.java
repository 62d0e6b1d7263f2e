/**
 * The Genja annotation processor: {@link io.genja.processor.GenjaProcessor} and what every step shares (the
 * message catalogue, validation reports, deferral by name, "did you mean" suggestions).
 */
package io.genja.processor;
