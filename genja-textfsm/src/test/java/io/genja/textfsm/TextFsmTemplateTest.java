package io.genja.textfsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Java side of a template: results as values, sharing between threads, what the oracle cannot see. */
class TextFsmTemplateTest {

    private static final TextFsmTemplate ROUTES = TextFsmTemplate.compile("""
            Value Filldown VRF (\\S+)
            Value Key,Required PREFIX (\\S+)
            Value List HOPS ((?P<via>\\S+) metric (?P<metric>\\d+))

            Start
              ^vrf -> Continue.Record
              ^vrf ${VRF}
              ^route -> Continue.Record
              ^route ${PREFIX}
              ^\\s+via ${HOPS}
            """);

    private static final String TEXT = """
            vrf red
            route 10.0.0.0/8
              via 192.0.2.1 metric 10
              via 192.0.2.2 metric 20
            route 10.1.0.0/16
            """;

    @Test
    void recordsAsMapsInHeaderOrder() {
        List<Map<String, Object>> records = ROUTES.parse(TEXT).toMaps();

        assertThat(ROUTES.header()).containsExactly("VRF", "PREFIX", "HOPS");
        assertThat(ROUTES.keys()).containsExactly("PREFIX");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).keySet()).containsExactly("VRF", "PREFIX", "HOPS");
        assertThat(records.get(0)).isEqualTo(Map.of("VRF", "red", "PREFIX", "10.0.0.0/8", "HOPS",
                List.of(Map.of("via", "192.0.2.1", "metric", "10"), Map.of("via", "192.0.2.2", "metric", "20"))));
        assertThat(records.get(1)).isEqualTo(Map.of("VRF", "red", "PREFIX", "10.1.0.0/16", "HOPS", List.of()));
    }

    @Test
    void resultsCannotBeChangedByTheirReaders() {
        TextFsmResult result = ROUTES.parse(TEXT);
        assertThatThrownBy(() -> result.rows().get(0).set(0, "blue")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.toMaps().get(0).put("VRF", "blue"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void oneTemplateParsesOnManyThreadsAtOnce() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            big.append("vrf v").append(i % 7).append("\nroute 10.").append(i % 250).append(".0.0/16\n")
                    .append("  via 192.0.2.").append(i % 250).append(" metric ").append(i).append('\n');
        }
        String text = big.toString();
        TextFsmResult expected = ROUTES.parse(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TextFsmResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> ROUTES.parse(text)));
            }
            for (Future<TextFsmResult> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.rows()).hasSize(2_000);
    }

    @Test
    void anErrorActionCarriesTextFsmsMessage() {
        TextFsmTemplate strict = TextFsmTemplate.compile("Value A (\\d+)\n\nStart\n  ^${A} -> Record\n  ^. -> Error bad\n");
        assertThatThrownBy(() -> strict.parse("1\nx\n")).isInstanceOfSatisfying(TextFsmException.class, e ->
                assertThat(e.textFsmMessage()).isEqualTo("Error: bad. Rule Line: 5. Input Line: x."));
    }
}
