/**
 * A device's command line, whatever carries it (an SSH shell today, Telnet next): commands with per-call
 * options ({@link io.genja.connection.cli.CliCommand}), privilege levels, and configuration changes made the
 * platform's way ({@link io.genja.connection.cli.ConfigSession}). Tasks reach it through
 * {@link io.genja.task.TaskRuntimeContext#cli()}; docs/changes.md describes the platforms' models.
 */
package io.genja.connection.cli;
