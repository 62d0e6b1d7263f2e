package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.rollout.HostOrder;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceEvent;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rollouts on 100 simulated Cisco IOS devices over ssh (plus six that refuse every login), asserted from what the
 * devices themselves saw: their numbered session and command logs ({@link SimulatedDevice#events()}).
 */
@Timeout(300)
class RolloutFleetTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> {
        DeviceFleet.Builder fleet = DeviceFleet.builder().ciscoIos(100);
        for (int i = 1; i <= 6; i++) {
            fleet.device(SimulatedDevice.builder("refuses-" + i).fault(Fault.REFUSE_AUTH));
        }
        return fleet.sshExtra("timeout", 10);
    });

    private SshConnectionPlugin plugin;
    /** The last event sequence before the test: what a device saw before belongs to other tests. */
    private long before;

    @BeforeEach
    void start() throws InterruptedException {
        plugin = new SshConnectionPlugin();
        // the last test's sessions close on the devices a moment after its plugin closed them: their events are its
        DEVICES.fleet().assertNoOpenSessions(Duration.ofSeconds(30));
        before = DEVICES.fleet().devices().stream().flatMap(d -> d.events().stream())
                .mapToLong(DeviceEvent::sequence).max().orElse(0);
    }

    @AfterEach
    void stop() {
        plugin.close();
    }

    @Test
    void batchesRunOneAfterAnotherAsTheDevicesSawIt() {
        List<SimulatedDevice> healthy = healthy(100);
        TaskResults results = run(inventory(healthy, i -> "any"), RunOptions.defaults().workers(20)
                .batches("1", "10%", "100%"));

        assertThat(results.passedHosts()).hasSize(100);
        List<List<SimulatedDevice>> batches = List.of(healthy.subList(0, 1), healthy.subList(1, 11),
                healthy.subList(11, 100));
        for (int b = 0; b + 1 < batches.size(); b++) {
            // the batch ended after the last command its devices received (sessions close later, with Genja)
            long lastOfBatch = batches.get(b).stream().flatMap(d -> events(d).stream())
                    .filter(e -> e.kind() == DeviceEvent.Kind.COMMAND).mapToLong(DeviceEvent::sequence).max()
                    .orElseThrow();
            long firstOfNext = batches.get(b + 1).stream().flatMap(d -> events(d).stream())
                    .mapToLong(DeviceEvent::sequence).min().orElseThrow();
            assertThat(firstOfNext).as("batch %d touched before batch %d ended", b + 2, b + 1)
                    .isGreaterThan(lastOfBatch);
        }
        assertThat(healthy).allMatch(device -> device.events().stream().anyMatch(e -> e.sequence() > before
                && e.kind() == DeviceEvent.Kind.COMMAND && e.detail().equals("show version")));
    }

    @Test
    void aFailingCanaryWithNoFailuresAllowedSkipsTheOther99() {
        List<SimulatedDevice> hosts = new ArrayList<>();
        hosts.add(DEVICES.fleet().device("refuses-1"));
        hosts.addAll(healthy(99));
        TaskResults results = run(inventory(hosts, i -> "any"), RunOptions.defaults().batches("1", "10%", "100%")
                .maxFailPercentage(0));

        assertThat(results.unreachableHosts()).containsExactly("refuses-1");
        assertThat(results.skippedHosts()).hasSize(99);
        for (String host : results.skippedHosts()) {
            HostTaskResult.Skipped skipped = (HostTaskResult.Skipped) results.hostResult(host);
            assertThat(skipped.skip().reason()).isEqualTo("rollout stopped");
            assertThat(skipped.skip().message()).isEqualTo("after batch 1 of 3 (1 host), 1 of 1 host failed (100%): "
                    + "more than max_fail_percentage 0%");
        }
        assertThat(hosts.subList(1, 100)).as("no skipped device was touched").allMatch(d -> events(d).isEmpty());
    }

    @Test
    void twelvePercentFailedInABatchStopsAfterThatBatchWhenTenAreAllowed() {
        List<SimulatedDevice> healthy = healthy(94);
        List<SimulatedDevice> hosts = new ArrayList<>(healthy.subList(0, 44));
        for (int i = 1; i <= 6; i++) {
            hosts.add(i * 7, DEVICES.fleet().device("refuses-" + i)); // spread over the first batch
        }
        hosts.addAll(healthy.subList(44, 94));
        TaskResults results = run(inventory(hosts, i -> "any"), RunOptions.defaults().workers(10).batches("50")
                .maxFailPercentage(10));

        assertThat(results.unreachableHosts()).hasSize(6);
        assertThat(results.passedHosts()).hasSize(44).containsExactlyElementsOf(healthy.subList(0, 44).stream()
                .map(SimulatedDevice::name).toList());
        assertThat(results.skippedHosts()).hasSize(50);
        assertThat(((HostTaskResult.Skipped) results.hostResult(healthy.get(93).name())).skip().message())
                .isEqualTo("after batch 1 of 2 (50 hosts), 6 of 50 hosts failed (12%): more than "
                        + "max_fail_percentage 10%");
        assertThat(hosts.subList(50, 100)).allMatch(d -> events(d).isEmpty());
    }

    @Test
    void aThrottlePerSiteNeverHasMoreThanTwoDevicesOfASiteInSession() throws Exception {
        List<SimulatedDevice> healthy = healthy(100);
        Inventory inventory = inventory(healthy, i -> "site-" + i % 10);
        try (Genja genja = genja(inventory)) {
            TaskResults results = genja.run(RunCommand.class, RunOptions.defaults().workers(20).throttle("site", 2)
                    .option("command", "show version"));
            assertThat(results.passedHosts()).hasSize(100);
            // a throttled host's session is closed when it finishes, not when Genja closes
            assertThat(DEVICES.fleet().awaitNoOpenSessions(Duration.ofSeconds(30))).isTrue();
        }
        Map<String, List<SimulatedDevice>> bySite = IntStream.range(0, 100).boxed().collect(Collectors.groupingBy(
                i -> "site-" + i % 10, TreeMap::new, Collectors.mapping(healthy::get, Collectors.toList())));
        bySite.forEach((site, devices) -> assertThat(mostInSessionAtOnce(devices)).as(site).isBetween(1, 2));
    }

    @Test
    void aShuffleWithASeedReachesTheDevicesInTheSameOrderAgain() {
        List<SimulatedDevice> devices = healthy(20);
        Inventory inventory = inventory(devices, i -> "any");
        RunOptions shuffled = RunOptions.defaults().runner("serial").order(HostOrder.SHUFFLE).seed(20_261_128L);
        run(inventory, shuffled);
        List<String> first = orderOfFirstSessions(devices);
        before = devices.stream().flatMap(d -> d.events().stream()).mapToLong(DeviceEvent::sequence).max().orElse(0);
        run(inventory, shuffled);

        assertThat(orderOfFirstSessions(devices)).isEqualTo(first).hasSize(20)
                .isNotEqualTo(devices.stream().map(SimulatedDevice::name).toList());
    }

    /**
     * The most devices of {@code devices} that were in a session at once, each from the session's opening to the
     * last command it received (what the device saw of the host's work), by the devices' shared numbering.
     */
    private int mostInSessionAtOnce(List<SimulatedDevice> devices) {
        List<long[]> changes = new ArrayList<>(); // {sequence, +1 | -1}
        for (SimulatedDevice device : devices) {
            List<DeviceEvent> seen = events(device);
            long opened = seen.stream().filter(e -> e.kind() == DeviceEvent.Kind.SESSION_OPENED)
                    .mapToLong(DeviceEvent::sequence).min().orElseThrow();
            long lastCommand = seen.stream().filter(e -> e.kind() == DeviceEvent.Kind.COMMAND)
                    .mapToLong(DeviceEvent::sequence).max().orElseThrow();
            assertThat(seen.stream().filter(e -> e.kind() == DeviceEvent.Kind.SESSION_OPENED)).as(device.name())
                    .hasSize(1);
            changes.add(new long[] {opened, 1});
            changes.add(new long[] {lastCommand, -1});
        }
        changes.sort(Comparator.comparingLong(change -> change[0]));
        int open = 0;
        int most = 0;
        for (long[] change : changes) {
            open += (int) change[1];
            most = Math.max(most, open);
        }
        return most;
    }

    private List<String> orderOfFirstSessions(List<SimulatedDevice> devices) {
        return devices.stream().sorted(Comparator.comparingLong(d -> events(d).stream()
                        .filter(e -> e.kind() == DeviceEvent.Kind.SESSION_OPENED).mapToLong(DeviceEvent::sequence)
                        .min().orElseThrow()))
                .map(SimulatedDevice::name).toList();
    }

    /** What {@code device} saw during this test. */
    private List<DeviceEvent> events(SimulatedDevice device) {
        return device.events().stream().filter(e -> e.sequence() > before).toList();
    }

    private static List<SimulatedDevice> healthy(int count) {
        return DEVICES.fleet().devices().stream().filter(d -> d.fault() == Fault.NONE).limit(count).toList();
    }

    private TaskResults run(Inventory inventory, RunOptions options) {
        try (Genja genja = genja(inventory)) {
            return genja.run(RunCommand.class, options.option("command", "show version"));
        }
    }

    private Genja genja(Inventory inventory) {
        return Genja.builder(inventory).plugins(new PluginManager().register(plugin)).build();
    }

    /** The devices as hosts in this order, each with {@code data.site}, as {@link DeviceFleet#inventory()} has them. */
    private static Inventory inventory(List<SimulatedDevice> devices, Function<Integer, String> site) {
        DeviceFleet fleet = DEVICES.fleet();
        Inventory.Builder builder = Inventory.builder();
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice device = devices.get(i);
            builder.host(device.name(), Attributes.builder().hostname("127.0.0.1").port(device.port())
                    .username(device.username()).password(device.password()).platform(device.platformName())
                    .data("site", site.apply(i))
                    .connectionOptions("ssh", new ConnectionOptions(null, null, null, null, null, Map.of(
                            "known_hosts_file", fleet.knownHostsFile().toString(), "timeout", 10)))
                    .build());
        }
        return builder.build();
    }
}
