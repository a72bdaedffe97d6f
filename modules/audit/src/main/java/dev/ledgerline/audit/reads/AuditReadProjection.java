package dev.ledgerline.audit.reads;

import java.time.Instant;
import java.util.UUID;

import dev.ledgerline.audit.events.AuditStreamRead;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code audit_reads} from {@link AuditStreamRead} events. */
@Component
@ProcessingGroup(AuditReadProjection.GROUP)
class AuditReadProjection {

    static final String GROUP = "audit-reads-projection";

    private final JdbcTemplate jdbc;

    AuditReadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AuditStreamRead event, EventMessage<?> message, @Timestamp Instant at) {
        Object correlationId = message.getMetaData().get("correlationId");
        Object clientAddress = message.getMetaData().get("clientAddress");
        jdbc.update("INSERT INTO audit_reads (id, auditor_id, stream_type, stream_id, operation, correlation_id, "
                        + "client_address, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                UUID.fromString(message.getIdentifier()), event.auditorId().value(), event.streamType(),
                event.streamId(), event.operation(),
                correlationId == null ? null : correlationId.toString(),
                clientAddress == null ? null : clientAddress.toString(),
                java.sql.Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_reads");
    }
}
