package dev.ledgerline.audit.reads;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ledgerline.audit.queries.AuditReadView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Newest first, keyset-paged on (read_at, id). */
@Component
public class AuditReadQueries {

    private final JdbcTemplate jdbc;

    AuditReadQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditReadView> page(Instant beforeAt, UUID beforeId, int limit) {
        String where = beforeAt == null ? "" : "WHERE (read_at, id) < (?, ?) ";
        Object[] arguments = beforeAt == null
                ? new Object[] {limit}
                : new Object[] {Timestamp.from(beforeAt), beforeId, limit};
        return jdbc.query("SELECT * FROM audit_reads " + where + "ORDER BY read_at DESC, id DESC LIMIT ?",
                (rows, i) -> new AuditReadView(rows.getObject("id", UUID.class),
                        rows.getObject("auditor_id", UUID.class), rows.getString("stream_type"),
                        rows.getString("stream_id"), rows.getString("operation"), rows.getString("correlation_id"),
                        rows.getString("client_address"), rows.getTimestamp("read_at").toInstant()),
                arguments);
    }
}
