package dev.ledgerline.conversation.domain;

import java.util.LinkedHashMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.ledgerline.conversation.events.MessageId;

/**
 * The Idempotency-Keys of a conversation's latest {@value #REMEMBERED} keyed posts, each with the message it produced
 * and the fingerprint of its request. Part of the snapshot, hence bounded.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class RecentPosts {

    static final int REMEMBERED = 100;

    private LinkedHashMap<String, Post> byKey = new LinkedHashMap<>();

    /** The post an idempotency key produced, or null when the key is new (or forgotten). */
    Post find(String key) {
        return key == null ? null : byKey.get(key);
    }

    void remember(String key, MessageId messageId, String fingerprint) {
        byKey.put(key, new Post(messageId, fingerprint));
        if (byKey.size() > REMEMBERED) {
            byKey.remove(byKey.keySet().iterator().next());
        }
    }

    /** What a keyed post produced, and the fingerprint of the request that produced it. */
    record Post(MessageId messageId, String fingerprint) {
    }
}
