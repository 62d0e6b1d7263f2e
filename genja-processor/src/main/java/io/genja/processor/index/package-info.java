/**
 * The classpath index: marker classes in package {@code io.genja.generated.index}, one per compilation round, each
 * listing that round's tasks and plugins with {@code @GenjaIndexEntry}; written by one compilation and listed by
 * later ones (the Hilt pattern).
 */
package io.genja.processor.index;
