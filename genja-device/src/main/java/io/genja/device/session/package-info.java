/**
 * A device's CLI session over any transport: per-call options, privilege levels and configuration changes made
 * the way the platform's profile says ({@link io.genja.device.session.CliSession},
 * {@link io.genja.device.session.ConfigChange}). A transport implements {@link io.genja.device.session.CliTransport}
 * (one request at a time through a {@link io.genja.device.CliDriver}) and maps
 * {@link io.genja.device.session.DeviceCliException} to its own failures. No dependency on genja-runtime.
 */
package io.genja.device.session;
