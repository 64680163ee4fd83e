package org.tsoinspector.calib;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsoinspector.model.Ramp;

/**
 * Recently computed integrations, keyed by integration and the chain of steps (with parameters) that
 * produced them, bounded in bytes: the least recently used go first. Thread-safe.
 */
final class StageCache {

    /** One step as it ran: name and parameters (records compare by value). */
    record StepKey(org.tsoinspector.model.StepName step, Object parameters) {
    }

    record Key(int integration, List<StepKey> chain) {
    }

    private final long budgetBytes;
    private final LinkedHashMap<Key, Ramp> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    StageCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized Ramp get(Key key) {
        return entries.get(key);
    }

    /** Keeps a ramp (the newest entry always stays, even when larger than the budget). */
    synchronized void put(Key key, Ramp ramp) {
        Ramp old = entries.put(key, ramp);
        if (old != null) {
            bytes -= old.sizeInBytes();
        }
        bytes += ramp.sizeInBytes();
        Iterator<Map.Entry<Key, Ramp>> it = entries.entrySet().iterator();
        while (bytes > budgetBytes && entries.size() > 1 && it.hasNext()) {
            Map.Entry<Key, Ramp> e = it.next();
            if (e.getKey().equals(key)) {
                continue;
            }
            bytes -= e.getValue().sizeInBytes();
            it.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }
}
