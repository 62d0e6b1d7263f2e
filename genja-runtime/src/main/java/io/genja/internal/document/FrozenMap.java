package io.genja.internal.document;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map that keeps insertion order and allows {@code null} values: the shape of YAML data. Small maps
 * (the usual {@code data} and {@code extras}) are two arrays searched linearly, which costs a fraction of a
 * {@code LinkedHashMap}'s memory; an inventory of 100,000 hosts holds hundreds of thousands of them.
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private static final int LINEAR_MAX = 8;
    private static final FrozenMap<?, ?> EMPTY = new FrozenMap<>(new Object[0], new Object[0]);

    private final Object[] keys;
    private final Object[] values;
    /** Key to position, only for maps larger than {@link #LINEAR_MAX}. */
    private final Map<Object, Integer> index;

    private FrozenMap(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        if (keys.length > LINEAR_MAX) {
            Map<Object, Integer> positions = new HashMap<>(keys.length * 4 / 3 + 1);
            for (int i = 0; i < keys.length; i++) {
                positions.put(keys[i], i);
            }
            this.index = positions;
        } else {
            this.index = null;
        }
    }

    @SuppressWarnings("unchecked")
    public static <K, V> FrozenMap<K, V> of() {
        return (FrozenMap<K, V>) EMPTY;
    }

    /** {@code map} itself when it is a {@code FrozenMap}, else an immutable copy in its iteration order. */
    @SuppressWarnings("unchecked")
    public static <K, V> FrozenMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof FrozenMap<?, ?> frozen) {
            return (FrozenMap<K, V>) frozen;
        }
        if (map.isEmpty()) {
            return of();
        }
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
            keys[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new FrozenMap<>(keys, values);
    }

    private int position(Object key) {
        if (index != null) {
            Integer position = index.get(key);
            return position == null ? -1 : position;
        }
        for (int i = 0; i < keys.length; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return position(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int position = position(key);
        return position < 0 ? null : (V) values[position];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept((K) keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
