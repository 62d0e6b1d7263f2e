package io.genja.internal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenMapTest {

    @Test
    void keepsOrderAndNullValuesAndEqualsOtherMaps() {
        for (int size : new int[] {0, 1, 8, 9, 50}) {
            Map<String, Object> source = new LinkedHashMap<>();
            for (int i = size - 1; i >= 0; i--) {
                source.put("k" + i, i % 3 == 0 ? null : i);
            }
            FrozenMap<String, Object> frozen = FrozenMap.copyOf(source);

            assertThat(frozen).isEqualTo(source).hasSameHashCodeAs(source);
            assertThat(frozen.keySet()).containsExactlyElementsOf(source.keySet());
            for (int i = 0; i < size; i++) {
                assertThat(frozen.containsKey("k" + i)).isTrue();
                assertThat(frozen.get("k" + i)).isEqualTo(source.get("k" + i));
            }
            assertThat(frozen.containsKey("missing")).isFalse();
            assertThat(frozen.get(null)).isNull();
        }
    }

    @Test
    void isImmutableAndNotCopiedTwice() {
        FrozenMap<String, Integer> frozen = FrozenMap.copyOf(Map.of("a", 1));

        assertThat(FrozenMap.copyOf(frozen)).isSameAs(frozen);
        assertThatThrownBy(() -> frozen.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
    }
}
