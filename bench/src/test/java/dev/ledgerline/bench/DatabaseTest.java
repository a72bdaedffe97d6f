package dev.ledgerline.bench;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    @Test
    void a_gap_aware_token_has_reached_its_index() throws Exception {
        assertThat(Database.position(bytes("{\"index\":42,\"gaps\":[40]}"))).isEqualTo(42);
    }

    @Test
    void a_replay_token_has_reached_its_current_token() throws Exception {
        assertThat(Database.position(bytes("{\"tokenAtReset\":{\"index\":90,\"gaps\":[]},"
                + "\"currentToken\":{\"index\":17,\"gaps\":[]},\"context\":null}"))).isEqualTo(17);
    }

    @Test
    void a_segment_without_a_token_has_reached_nothing() throws Exception {
        assertThat(Database.position(null)).isEqualTo(-1);
        assertThat(Database.position(bytes("{\"tokenAtReset\":{\"index\":9},\"currentToken\":null}"))).isEqualTo(-1);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
