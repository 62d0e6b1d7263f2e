/** The built-in NETCONF tasks: {@code netconf_get_config} and {@code netconf_edit_config}. */
package io.genja.netconf.tasks;
