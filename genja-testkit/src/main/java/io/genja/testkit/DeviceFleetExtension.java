package io.genja.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link DeviceFleet} for a test class (as a {@code static} field) or for each test (as an instance
 * field) and stops it afterwards; test methods may take the fleet as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static DeviceFleetExtension devices = new DeviceFleetExtension(() -> DeviceFleet.builder().ciscoIos(10).linux(10));
 *
 * @Test
 * void backsUpEveryDevice(DeviceFleet fleet) {
 *     Inventory inventory = fleet.inventory();
 *     ...
 * }
 * }</pre>
 */
public final class DeviceFleetExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<DeviceFleet.Builder> fleetBuilder;
    private DeviceFleet fleet;
    private boolean perClass;

    /** @param fleetBuilder describes the fleet; called each time a fleet starts */
    public DeviceFleetExtension(Supplier<DeviceFleet.Builder> fleetBuilder) {
        this.fleetBuilder = Objects.requireNonNull(fleetBuilder, "fleetBuilder");
    }

    /** The running fleet. */
    public DeviceFleet fleet() {
        if (fleet == null) {
            throw new IllegalStateException("the device fleet is not running: register the extension with "
                    + "@RegisterExtension and use it from a test, not from a constructor");
        }
        return fleet;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        fleet = fleetBuilder.get().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            fleet = fleetBuilder.get().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (fleet != null) {
            fleet.close();
            fleet = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DeviceFleet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return fleet();
    }

    /**
     * Fails with a message naming the devices that still have sessions when sessions stay open after
     * {@code timeout}: the assertion that a client leaked nothing.
     */
    public void assertNoOpenSessions(Duration timeout) throws InterruptedException {
        fleet().assertNoOpenSessions(timeout);
    }
}
