/** The resources written once, in the last round: {@code META-INF/services} files and the task catalog. */
package io.genja.processor.output;
