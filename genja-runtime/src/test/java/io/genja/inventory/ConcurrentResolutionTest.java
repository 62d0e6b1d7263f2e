package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads resolving the same hosts at once all see one result per host and plugin. */
class ConcurrentResolutionTest {

    @Test
    void concurrentReadersShareOneCachedResolution() throws Exception {
        Inventory.Builder builder = Inventory.builder()
                .group("core", Attributes.builder().connectionOptions("ssh",
                        new ConnectionOptions(null, 22, "automation", null, null, java.util.Map.of("a", 1))).build())
                .defaults(Attributes.builder().data("site", "ams").build());
        for (int i = 0; i < 2_000; i++) {
            builder.host("r" + i, Attributes.builder().hostname("10.0." + i / 256 + "." + i % 256)
                    .groups("core").build());
        }
        Inventory inventory = builder.build();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Object>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String plugin = t % 2 == 0 ? "ssh" : "netconf";
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Object> seen = new ArrayList<>();
                    for (Host host : inventory.hosts()) {
                        seen.add(inventory.resolveConnection(host.name(), plugin));
                        seen.add(host.data());
                    }
                    return seen;
                }));
            }
            start.countDown();
            List<List<Object>> results = new ArrayList<>();
            for (Future<List<Object>> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            for (int t = 2; t < threads; t++) {
                List<Object> expected = results.get(t % 2);
                List<Object> actual = results.get(t);
                for (int i = 0; i < expected.size(); i += 2) {
                    assertThat(actual.get(i)).isSameAs(expected.get(i));
                    assertThat(actual.get(i + 1)).isEqualTo(expected.get(i + 1));
                }
            }
            ResolvedConnectionParams r7 = (ResolvedConnectionParams) results.get(0).get(14);
            assertThat(r7.hostname()).isEqualTo("10.0.0.7");
            assertThat(r7.port()).isEqualTo(22);
            assertThat(((ResolvedConnectionParams) results.get(1).get(14)).port()).isNull();
        } finally {
            pool.shutdownNow();
        }
    }
}
