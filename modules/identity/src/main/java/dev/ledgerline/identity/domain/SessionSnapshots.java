package dev.ledgerline.identity.domain;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A session is snapshotted every {@code ledgerline.identity.session-snapshot-every} events: a refresh then reads one
 * snapshot and fewer events than that, however often the session was refreshed in its 30 days.
 */
@Configuration(proxyBeanMethods = false)
class SessionSnapshots {

    static final String TRIGGER = "sessionSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition sessionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledgerline.identity.session-snapshot-every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
