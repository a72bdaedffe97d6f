package dev.ledgerline.audit.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainHasherTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_same_event_after_the_same_link_gives_the_same_hash() {
        ChainHasher hasher = new ChainHasher(KEY);

        assertThat(hasher.link(ChainHasher.GENESIS, event("{\"a\":1}", "{}")))
                .isEqualTo(hasher.link(ChainHasher.GENESIS, event("{\"a\":1}", "{}")))
                .hasSize(32);
    }

    @Test
    void moving_bytes_between_payload_and_metadata_changes_the_hash() {
        ChainHasher hasher = new ChainHasher(KEY);

        byte[] one = hasher.link(ChainHasher.GENESIS, event("{\"a\":1}", "{}"));
        byte[] other = hasher.link(ChainHasher.GENESIS, event("{\"a\":1}{", "}"));

        assertThat(Arrays.equals(one, other)).isFalse();
    }

    @Test
    void the_previous_link_and_the_key_are_part_of_the_hash() {
        byte[] first = new ChainHasher(KEY).link(ChainHasher.GENESIS, event("{}", "{}"));
        byte[] afterAnother = new ChainHasher(KEY).link(first, event("{}", "{}"));
        byte[] otherKey = new ChainHasher("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8))
                .link(ChainHasher.GENESIS, event("{}", "{}"));

        assertThat(afterAnother).isNotEqualTo(first);
        assertThat(otherKey).isNotEqualTo(first);
    }

    @Test
    void a_short_key_is_refused() {
        assertThatThrownBy(() -> new ChainHasher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredEvent event(String payload, String metadata) {
        return new StoredEvent(1, "stream", 0, "Conversation", "event-1", "2026-11-21T10:00:00.000Z",
                "dev.ledgerline.X", "1", payload.getBytes(StandardCharsets.UTF_8),
                metadata.getBytes(StandardCharsets.UTF_8));
    }
}
