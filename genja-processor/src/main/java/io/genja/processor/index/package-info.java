/**
 * The classpath index: one marker class per task, connection plugin and processor in package
 * {@code io.genja.generated.index}, written by one compilation and listed by later ones (the Hilt pattern).
 */
package io.genja.processor.index;
