package dev.ledgerline.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class LeastRecentlyUsedCacheTest {

    @Test
    void keeps_at_most_its_capacity_and_drops_the_least_recently_used() {
        LeastRecentlyUsedCache cache = new LeastRecentlyUsedCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1); // "b" is now the least recently used
        cache.put("c", 3);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        assertThat((Integer) cache.get("c")).isEqualTo(3);
    }

    @Test
    void put_replaces_put_if_absent_does_not_and_remove_reports_whether_it_held_the_key() {
        LeastRecentlyUsedCache cache = new LeastRecentlyUsedCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        cache.put("a", 3);
        assertThat((Integer) cache.get("a")).isEqualTo(3);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat((Object) cache.get("a")).isNull();
        assertThatThrownBy(() -> cache.put("b", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listeners_hear_creation_update_reads_removal_and_eviction_until_they_unregister() {
        LeastRecentlyUsedCache cache = new LeastRecentlyUsedCache(1);
        List<String> heard = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        cache.get("a");
        cache.put("b", 3);
        cache.removeAll();
        registration.cancel();
        cache.put("c", 4);

        assertThat(heard).containsExactly("created a", "updated a", "read a", "created b", "expired a", "removed b");
    }

    @Test
    void refuses_a_capacity_below_one() {
        assertThatThrownBy(() -> new LeastRecentlyUsedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
