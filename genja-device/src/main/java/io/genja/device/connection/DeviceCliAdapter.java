package io.genja.device.connection;

import io.genja.connection.ConnectionException;
import io.genja.connection.CliCommand;
import io.genja.connection.CliMode;
import io.genja.connection.ConfigKind;
import io.genja.connection.ConfigRejectedException;
import io.genja.connection.ConfigSession;
import io.genja.connection.ConfigSource;
import io.genja.connection.DeviceCli;
import io.genja.device.CliRequest;
import io.genja.device.session.CliSession;
import io.genja.device.session.ConfigChange;
import io.genja.device.session.ConfigLineRejected;
import io.genja.device.session.DeviceCliException;
import io.genja.task.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runtime's {@link DeviceCli} over genja-device's {@link CliSession}: converts the values and maps the
 * session's failures to {@link ConnectionException}s (a rejected line to {@link ConfigRejectedException}, a
 * transport failure to the transport's own exception). The same for every CLI transport (genja-ssh's shell, genja-telnet):
 * each builds a {@code CliSession} over its own {@code CliTransport} and hands it here.
 *
 * <pre>{@code
 * String secret = DeviceCliAdapter.enableSecret(host, params.extras());
 * DeviceCli cli = new DeviceCliAdapter(new CliSession(profile, transport, "host r1 (10.0.0.1:23)", () -> secret));
 * }</pre>
 */
public final class DeviceCliAdapter implements DeviceCli {

    private final CliSession session;

    public DeviceCliAdapter(CliSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * The enable secret of a host's connection: {@code extras.secret}, else {@code extras.enable_secret} (references
     * such as {@code ${env:ENABLE_SECRET}} resolved already), or {@code null} when neither is set.
     *
     * @throws ConnectionException of kind {@code VALIDATION} when the value is not a string (the message never shows it)
     */
    public static String enableSecret(String host, Map<String, Object> extras) throws ConnectionException {
        for (String name : List.of("secret", "enable_secret")) {
            Object value = extras.get(name);
            if (value instanceof String text) {
                return text;
            }
            if (value != null) {
                throw new ConnectionException(FailureKind.VALIDATION, "host " + host + ": extras." + name
                        + " must be a string (the enable secret, e.g. ${env:ENABLE_SECRET}), got a "
                        + value.getClass().getSimpleName());
            }
        }
        return null;
    }

    @Override
    public String platform() {
        return session.profile().name();
    }

    @Override
    public String send(CliCommand command) throws ConnectionException {
        List<CliRequest.Answer> answers = command.answers().stream()
                .map(a -> new CliRequest.Answer(a.question(), a.answer(), a.secret())).toList();
        CliRequest request = new CliRequest(command.command(), command.timeout().orElse(null),
                command.expect().orElse(null), answers);
        return call(() -> session.send(request));
    }

    @Override
    public CliMode mode() {
        return switch (session.level()) {
            case USER -> CliMode.USER;
            case PRIVILEGED -> CliMode.PRIVILEGED;
            case CONFIG -> CliMode.CONFIG;
        };
    }

    @Override
    public void enable() throws ConnectionException {
        call(() -> {
            session.enable();
            return null;
        });
    }

    @Override
    public ConfigKind configKind() {
        return ConfigKind.valueOf(session.profile().config().kind().name());
    }

    @Override
    public ConfigSession configure() throws ConnectionException {
        return new Change(call(session::configure));
    }

    @Override
    public String config(ConfigSource source) throws ConnectionException {
        return call(() -> switch (source) {
            case RUNNING -> session.runningConfig();
            case STARTUP -> session.startupConfig();
            case CANDIDATE -> session.candidateConfig();
        });
    }

    @Override
    public String toString() {
        return "DeviceCli[" + platform() + ", " + mode() + "]";
    }

    /** One configuration change. */
    private static final class Change implements ConfigSession {
        private final ConfigChange change;

        Change(ConfigChange change) {
            this.change = change;
        }

        @Override
        public ConfigKind kind() {
            return ConfigKind.valueOf(change.kind().name());
        }

        @Override
        public List<String> apply(List<String> lines) throws ConnectionException {
            return call(() -> change.apply(lines));
        }

        @Override
        public Optional<String> diff() throws ConnectionException {
            return call(change::diff);
        }

        @Override
        public void commit() throws ConnectionException {
            run(change::commit);
        }

        @Override
        public void commitConfirmed(Duration timer) throws ConnectionException {
            run(() -> change.commitConfirmed(timer));
        }

        @Override
        public void confirm() throws ConnectionException {
            run(change::confirm);
        }

        @Override
        public void discard() throws ConnectionException {
            run(change::discard);
        }

        @Override
        public void rollback() throws ConnectionException {
            run(change::rollback);
        }

        @Override
        public void save() throws ConnectionException {
            run(change::save);
        }

        @Override
        public void close() throws ConnectionException {
            run(change::close);
        }

        @Override
        public String toString() {
            return "ConfigSession[" + kind() + (change.isClosed() ? ", closed" : ", open") + "]";
        }
    }

    private interface Call<T> {
        T call() throws DeviceCliException;
    }

    private interface Action {
        void run() throws DeviceCliException;
    }

    private static void run(Action action) throws ConnectionException {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(Call<T> call) throws ConnectionException {
        try {
            return call.call();
        } catch (DeviceCliException e) {
            throw map(e);
        }
    }

    /** The session's failure as the runtime's; the transport's own failure as it was. */
    public static ConnectionException map(DeviceCliException e) {
        if (e instanceof ConfigLineRejected rejected) {
            ConfigRejectedException mapped = new ConfigRejectedException(rejected.getMessage(), rejected.line(),
                    rejected.deviceMessage(), rejected.applied());
            for (Throwable suppressed : rejected.getSuppressed()) {
                mapped.addSuppressed(suppressed instanceof DeviceCliException d ? map(d) : suppressed);
            }
            return mapped;
        }
        return switch (e.kind()) {
            case TRANSPORT -> e.getCause() instanceof ConnectionException c ? c
                    : new ConnectionException(FailureKind.CONNECTION, e.getMessage(), e.getCause(), true);
            case COMMAND -> new ConnectionException(FailureKind.COMMAND, e.getMessage(), e);
            case AUTHENTICATION -> new ConnectionException(FailureKind.AUTHENTICATION, e.getMessage(), e);
            case VALIDATION -> new ConnectionException(FailureKind.VALIDATION, e.getMessage(), e);
            case UNSUPPORTED -> new ConnectionException(FailureKind.UNSUPPORTED, e.getMessage(), e);
        };
    }
}
