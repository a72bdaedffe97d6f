package dev.ledgerline.conversation;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the event store holds, read through the {@code event_log} view. */
final class ConversationEventLog {

    private final JdbcTemplate jdbc;

    ConversationEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events caused by the request with this {@code X-Request-Id}. */
    long causedBy(String requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM event_log WHERE meta_data->>'correlationId' = ?", Long.class,
                requestId);
    }

    long of(String conversationId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                conversationId);
    }
}
