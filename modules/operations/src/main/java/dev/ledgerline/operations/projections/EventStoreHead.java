package dev.ledgerline.operations.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The global index of the newest event in the store, -1 when it is empty. */
@Component
class EventStoreHead {

    private final JdbcTemplate jdbc;

    EventStoreHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }
}
