package dev.ledgerline.identity;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store (through the event_log view) for assertions. */
final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Event(String type, JsonNode payload, JsonNode metadata) {
    }

    /** The events of one aggregate, in order; types by simple name. */
    List<Event> of(Object aggregateId) {
        return jdbc.query("SELECT payload_type, payload::text, meta_data::text FROM event_log "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (row, i) -> new Event(simpleName(row.getString(1)), read(row.getString(2)), read(row.getString(3))),
                aggregateId.toString());
    }

    /** Polls until the aggregate's events satisfy the condition, or fails after the deadline. */
    List<Event> await(Object aggregateId, Predicate<List<Event>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Event> events = of(aggregateId);
        while (!condition.test(events)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Events of " + aggregateId + " never matched: " + events);
            }
            pause();
            events = of(aggregateId);
        }
        return events;
    }

    long countByCorrelation(String correlationId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_log WHERE meta_data->>'correlationId' = ?",
                Long.class, correlationId);
        return count == null ? 0 : count;
    }

    /** Every payload and metadata document in the store, as text. */
    List<String> everything() {
        return jdbc.queryForList("SELECT payload::text || ' ' || coalesce(meta_data::text, '') FROM event_log",
                String.class);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? JSON.missingNode() : JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
