package dev.ledgerline.audit.chain;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

/**
 * Axon's JPA storage engine that also writes each appended event's chain link, in the same statement: an event
 * cannot be committed without its link, and a link cannot exist without its event having been appended through here.
 * Its reads are Axon's, with the queries themselves in plain SQL ({@link EventStoreQueries}); Axon's tracking-token
 * and gap handling around them is unchanged.
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
                List<StoredEvent> stored = new ArrayList<>(events.size());
                for (EventMessage<?> event : events) {
                    stored.add(stored((DomainEventEntry) createEventEntity(event, serializer)));
                }
                session().doWork(connection -> {
                    try {
                        links.append(connection, stored);
                    } catch (SQLException e) {
                        // wrapped so that Hibernate does not log it: a taken sequence number is an expected conflict
                        // (another node appended first), which handlePersistenceException turns into Axon's
                        // ConcurrencyException; any other failure reaches the caller just the same
                        throw new AppendFailed(e);
                    }
                });
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        return session().doReturningWork(connection -> EventStoreQueries.after(connection,
                token == null ? -1L : token.getIndex(),
                token == null ? Collections.emptySortedSet() : token.getGaps(), batchSize()));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return transactions.fetchInTransaction(() -> session().doReturningWork(connection ->
                EventStoreQueries.aggregate(connection, aggregateIdentifier, firstSequenceNumber, batchSize)));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return transactions.fetchInTransaction(() -> session().doReturningWork(connection ->
                EventStoreQueries.snapshot(connection, aggregateIdentifier))).stream();
    }

    private Session session() {
        return entityManagers.getEntityManager().unwrap(Session.class);
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

    /** A failed append's {@link SQLException}, as the cause Axon's persistence-exception resolver inspects. */
    static final class AppendFailed extends RuntimeException {
        AppendFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
