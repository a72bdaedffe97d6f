package dev.ledgerline.audit.queries;

import java.time.Instant;
import java.util.UUID;

/** One recorded audit read, as listed to admins. */
public record AuditReadView(UUID id, UUID auditorId, String streamType, String streamId, String operation,
                            String correlationId, String clientAddress, Instant readAt) {
}
