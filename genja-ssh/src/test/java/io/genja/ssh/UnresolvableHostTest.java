package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A host name that does not resolve is said in words, not as NIO's {@code UnresolvedAddressException}. */
@Timeout(60)
class UnresolvableHostTest {

    private final SshConnectionPlugin plugin = new SshConnectionPlugin();

    @AfterEach
    void close() {
        plugin.close();
    }

    @Test
    void anUnresolvableHostNameIsANonRetryableConnectionFailureNamingTheName() {
        // .invalid never resolves (RFC 2606), so this asks no name server for anything real
        ResolvedConnectionParams params = new ResolvedConnectionParams("no-such-host.invalid", 22, "admin", "admin",
                "linux", Map.of("timeout", 5));

        assertThatThrownBy(() -> plugin.create(new ConnectionKey("r9", "ssh")).open(params))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("host r9 (no-such-host.invalid:22): cannot resolve host name "
                            + "\"no-such-host.invalid\"");
                });
    }
}
