/**
 * The Genja annotation processor: {@link io.genja.processor.GenjaProcessor}, a thin shell that hands each
 * annotation to its step ({@code task}, {@code component}). Packages depend downwards only:
 * processor → task, component → step → index → base; model and output are used by the steps.
 */
package io.genja.processor;
