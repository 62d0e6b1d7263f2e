/**
 * Internal: small helpers Genja's own modules share (genja-runtime, genja-ssh). Not API: it changes without
 * notice; plugins and applications must not use it.
 */
package io.genja.internal.util;
