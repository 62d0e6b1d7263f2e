/**
 * What every processing step shares: the message catalogue, validation reports, annotation reading, options,
 * deferral by name across rounds and the "did you mean" rule. Depends on no other package of the processor.
 */
package io.genja.processor.base;
