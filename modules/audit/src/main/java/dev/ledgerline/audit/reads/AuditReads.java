package dev.ledgerline.audit.reads;

import dev.ledgerline.audit.events.AuditStreamRead;
import dev.ledgerline.identity.api.CurrentUser;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/** Records every audit read as an event: the audit trail of the audit trail. */
@Component
public class AuditReads {

    private final EventGateway events;
    private final CurrentUser currentUser;

    AuditReads(EventGateway events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    public void record(String streamType, String streamId, String operation) {
        events.publish(new AuditStreamRead(currentUser.id(), streamType, streamId, operation));
    }
}
