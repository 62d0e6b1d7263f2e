/** The Genja annotation processor. */
package io.genja.processor;
