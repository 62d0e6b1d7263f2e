/**
 * A user's extensions of Genja, written here without touching any Genja module: the {@code lab} connection plugin
 * with its own settings section, the {@code one_at_a_time} runner, the {@code CsvInventory} inventory plugin with
 * checked options, and (as resources) the {@code acme_nos} platform profile with its simulated outputs. Each file is
 * what docs/architecture.md's extension recipes say to write.
 */
package com.acme.genja;
