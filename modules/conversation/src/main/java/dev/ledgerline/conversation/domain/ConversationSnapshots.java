package dev.ledgerline.conversation.domain;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A conversation is snapshotted every {@code ledgerline.conversation.snapshot-every} events, so that loading it reads
 * one snapshot and fewer than that many events however long the conversation is.
 */
@Configuration(proxyBeanMethods = false)
class ConversationSnapshots {

    static final String TRIGGER = "conversationSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition conversationSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledgerline.conversation.snapshot-every:50}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
