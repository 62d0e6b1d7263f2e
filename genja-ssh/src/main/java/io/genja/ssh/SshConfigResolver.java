package io.genja.ssh;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.AttributeRepository;

/**
 * Honours the OpenSSH client config a host names in {@code extras.ssh_config_file} ({@code HostName},
 * {@code Port}, {@code User}, {@code IdentityFile}, {@code ProxyJump}, ...). Hosts without one get no config at
 * all, not even {@code ~/.ssh/config}: what a run does depends only on its inventory and settings.
 */
final class SshConfigResolver implements HostConfigEntryResolver {

    private final Map<Path, ConfigFileHostEntryResolver> resolvers = new ConcurrentHashMap<>();

    @Override
    public HostConfigEntry resolveEffectiveHost(String host, int port, SocketAddress localAddress, String username,
                                                String proxyJump, AttributeRepository context) throws IOException {
        SshOptions options = context == null ? null : context.getAttribute(SshConnection.OPTIONS);
        if (options == null || options.sshConfigFile() == null) {
            return null;
        }
        // The resolver re-reads the file when it changes.
        ConfigFileHostEntryResolver resolver = resolvers.computeIfAbsent(options.sshConfigFile().toAbsolutePath(),
                ConfigFileHostEntryResolver::new);
        return resolver.resolveEffectiveHost(host, port, localAddress, username, proxyJump, context);
    }
}
