package dev.ledgerline.audit.events;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.serialization.Revision;

/** An auditor or admin read an event stream (its events, a past state, its verification or its export). */
@Revision("1")
public record AuditStreamRead(UserId auditorId, String streamType, String streamId, String operation) {
}
