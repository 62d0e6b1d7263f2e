/**
 * genja-device's session logic as the runtime's connection API, for every CLI connection plugin (ssh's shell,
 * telnet): {@link io.genja.device.connection.DeviceCliAdapter} offers a {@link io.genja.device.session.CliSession}
 * as a {@link io.genja.connection.DeviceCli}, {@link io.genja.device.connection.HostProfiles} finds a host's platform
 * profile. The only package of genja-device that uses genja-runtime; {@code io.genja.device} and
 * {@code io.genja.device.session} stay free of it.
 */
package io.genja.device.connection;
