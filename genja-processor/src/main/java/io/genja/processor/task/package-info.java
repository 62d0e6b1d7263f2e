/** The {@code @GenjaTask} step: parse, validate, model and write the adapter; check names in the last round. */
package io.genja.processor.task;
