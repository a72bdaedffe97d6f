package dev.ledgerline.audit.chain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA storage engine that also writes each appended event's chain link, in the same transaction: an event
 * cannot be committed without its link, and a link cannot exist without its event having been appended through here.
 */
class ChainedJpaEventStorageEngine extends JpaEventStorageEngine {

    private final EntityManagerProvider entityManagers;
    private final TransactionManager transactions;
    private final ChainLinks links;

    ChainedJpaEventStorageEngine(JpaEventStorageEngine.Builder builder, EntityManagerProvider entityManagers,
                                 TransactionManager transactions, ChainLinks links) {
        super(builder);
        this.entityManagers = entityManagers;
        this.transactions = transactions;
        this.links = links;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try {
                EntityManager entityManager = entityManagers.getEntityManager();
                List<StoredEvent> stored = new ArrayList<>(events.size());
                for (EventMessage<?> event : events) {
                    DomainEventEntry entry = (DomainEventEntry) createEventEntity(event, serializer);
                    entityManager.persist(entry);
                    stored.add(stored(entry));
                }
                entityManager.flush();
                links.append(entityManager, stored);
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    private static StoredEvent stored(DomainEventEntry entry) {
        return new StoredEvent(
                -1,
                entry.getAggregateIdentifier(),
                entry.getSequenceNumber(),
                entry.getType(),
                entry.getEventIdentifier(),
                DateTimeUtils.formatInstant(entry.getTimestamp()),
                entry.getPayload().getType().getName(),
                entry.getPayload().getType().getRevision(),
                entry.getPayload().getData(),
                entry.getMetaData() == null ? null : entry.getMetaData().getData());
    }
}
