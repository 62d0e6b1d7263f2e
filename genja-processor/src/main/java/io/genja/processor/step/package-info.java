/** The contract between {@link io.genja.processor.GenjaProcessor} and the step that handles each annotation. */
package io.genja.processor.step;
