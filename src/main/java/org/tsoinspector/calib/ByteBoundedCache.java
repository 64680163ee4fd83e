package org.tsoinspector.calib;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Recently used values bounded in bytes: the least recently used go first, the newest always stays
 * (even when larger than the budget). The engine keeps its computed stages and its prepared steps in
 * these, so that nothing it holds grows with use. Thread-safe.
 */
final class ByteBoundedCache<K, V> {

    private final long budgetBytes;
    private final ToLongFunction<V> sizer;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ByteBoundedCache(long budgetBytes, ToLongFunction<V> sizer) {
        this.budgetBytes = budgetBytes;
        this.sizer = sizer;
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        V old = entries.put(key, value);
        if (old != null) {
            bytes -= sizer.applyAsLong(old);
        }
        bytes += sizer.applyAsLong(value);
        Iterator<Map.Entry<K, V>> it = entries.entrySet().iterator();
        while (bytes > budgetBytes && entries.size() > 1 && it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            if (e.getKey().equals(key)) {
                continue;
            }
            bytes -= sizer.applyAsLong(e.getValue());
            it.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
