package dev.ledgerline.conversation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An Axon {@link Cache} that holds at most {@code capacity} entries and drops the least recently used one to make
 * room. Axon's own {@code WeakReferenceCache} is unbounded until the collector runs, and its entries go whenever it
 * does; this one keeps what is in use and caps the memory. One lock: every operation is a map lookup.
 */
final class LeastRecentlyUsedCache implements Cache {

    private final int capacity;
    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    LeastRecentlyUsedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (this) {
            value = entries.get(key);
        }
        if (value != null) {
            notify(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        requireValue(value);
        Object previous;
        List<Object> evicted;
        synchronized (this) {
            previous = entries.put(key, value);
            evicted = evictOverCapacity();
        }
        notify(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
        notifyExpired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        requireValue(value);
        List<Object> evicted;
        synchronized (this) {
            if (entries.putIfAbsent(key, value) != null) {
                return false;
            }
            evicted = evictOverCapacity();
        }
        notify(listener -> listener.onEntryCreated(key, value));
        notifyExpired(evicted);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            notify(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (this) {
            keys = new ArrayList<>(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> notify(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    synchronized int size() {
        return entries.size();
    }

    /** Called holding the lock: the keys dropped, oldest use first. */
    private List<Object> evictOverCapacity() {
        List<Object> evicted = List.of();
        var oldest = entries.keySet().iterator();
        while (entries.size() > capacity) {
            if (evicted.isEmpty()) {
                evicted = new ArrayList<>(1);
            }
            evicted.add(oldest.next());
            oldest.remove();
        }
        return evicted;
    }

    private void notifyExpired(List<Object> evicted) {
        evicted.forEach(key -> notify(listener -> listener.onEntryExpired(key)));
    }

    private void notify(Consumer<EntryListener> event) {
        listeners.forEach(event);
    }

    private static void requireValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a cache value must not be null");
        }
    }
}
