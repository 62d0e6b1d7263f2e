/** What the processor knows about a declaration once it is validated: the input of every writer. */
package io.genja.processor.model;
