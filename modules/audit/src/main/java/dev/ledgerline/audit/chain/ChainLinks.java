package dev.ledgerline.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to {@code domain_event_entry} together with their chain links in {@code audit_event_chain}: one
 * statement per event writes both rows, and the events of one append go to the server as one batch. The global index
 * comes from the sequence inside the statement, so an append costs no round trip for it.
 * <p>
 * The link an event continues from is read from the table, unless this node committed it: the last link this node
 * committed per stream is remembered (at most {@link #REMEMBERED_STREAMS} streams, least recently appended out first).
 * A committed link never changes, so a remembered one stays right whatever other nodes append later; it is remembered
 * only after its transaction committed, because a rolled-back append's link may be taken by another node's event.
 */
class ChainLinks {

    static final int REMEMBERED_STREAMS = 10_000;

    private static final String APPEND = "WITH event AS (INSERT INTO domain_event_entry (global_index, type, "
            + "aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type, payload_revision, "
            + "payload, meta_data) VALUES (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "RETURNING aggregate_identifier, sequence_number, event_identifier) "
            + "INSERT INTO audit_event_chain (aggregate_identifier, sequence_number, event_identifier, previous_hash, "
            + "hash) SELECT aggregate_identifier, sequence_number, event_identifier, ?, ? FROM event";
    private static final String PREVIOUS = "SELECT hash FROM audit_event_chain "
            + "WHERE aggregate_identifier = ? AND sequence_number = ?";

    private final ChainHasher hasher;
    private final Map<String, Link> committed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
            return size() > REMEMBERED_STREAMS;
        }
    };

    ChainLinks(ChainHasher hasher) {
        this.hasher = hasher;
    }

    /**
     * Events of one append, in order; several may belong to one stream and follow each other. A duplicate
     * (stream, sequence) fails the batch with PostgreSQL's unique violation, which Axon reports as a concurrent change.
     */
    void append(Connection connection, List<StoredEvent> events) throws SQLException {
        String lastStream = null;
        long lastSequence = -1;
        byte[] lastHash = null;
        Map<String, Link> appended = new LinkedHashMap<>();
        try (PreparedStatement append = EventStoreQueries.prepare(connection, APPEND)) {
            for (StoredEvent event : events) {
                byte[] previous = event.aggregateIdentifier().equals(lastStream)
                        && event.sequenceNumber() == lastSequence + 1 ? lastHash : previousHash(connection, event);
                byte[] hash = hasher.link(previous, event);
                append.setString(1, event.aggregateType());
                append.setString(2, event.aggregateIdentifier());
                append.setLong(3, event.sequenceNumber());
                append.setString(4, event.eventIdentifier());
                append.setString(5, event.timestamp());
                append.setString(6, event.payloadType());
                append.setString(7, event.payloadRevision());
                append.setBytes(8, event.payload());
                append.setBytes(9, event.metadata());
                append.setBytes(10, previous);
                append.setBytes(11, hash);
                append.addBatch();
                lastStream = event.aggregateIdentifier();
                lastSequence = event.sequenceNumber();
                lastHash = hash;
                appended.put(lastStream, new Link(lastSequence, hash));
            }
            append.executeBatch();
        }
        rememberOnCommit(appended);
    }

    private void rememberOnCommit(Map<String, Link> appended) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no transaction to wait for: nothing is remembered, the next append reads the link
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (ChainLinks.this) {
                    committed.putAll(appended);
                }
            }
        });
    }

    private byte[] previousHash(Connection connection, StoredEvent event) throws SQLException {
        if (event.sequenceNumber() == 0) {
            return ChainHasher.GENESIS;
        }
        synchronized (this) {
            Link link = committed.get(event.aggregateIdentifier());
            if (link != null && link.sequence() == event.sequenceNumber() - 1) {
                return link.hash();
            }
        }
        try (PreparedStatement select = EventStoreQueries.prepare(connection, PREVIOUS)) {
            select.setString(1, event.aggregateIdentifier());
            select.setLong(2, event.sequenceNumber() - 1);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("The audit chain of stream " + event.aggregateIdentifier()
                            + " has no link for sequence " + (event.sequenceNumber() - 1)
                            + "; the stream was changed outside the application (run the audit verify endpoint)");
                }
                return row.getBytes(1);
            }
        }
    }

    private record Link(long sequence, byte[] hash) {
    }
}
