/**
 * A simulated NETCONF server (RFC 6241 over RFC 6242's ssh subsystem) for tests: {@link
 * io.genja.testkit.netconf.SimulatedNetconfServer}. It is written from the RFCs, independently of the genja-netconf
 * client, and held to a real client (ncclient) by genja-netconf's tests.
 */
package io.genja.testkit.netconf;
