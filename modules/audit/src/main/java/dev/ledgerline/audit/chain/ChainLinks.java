package dev.ledgerline.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends events to {@code domain_event_entry} together with their chain links in {@code audit_event_chain}: one
 * statement per event writes both rows, and the events of one append go to the server as one batch. The global index
 * comes from the sequence inside the statement, so an append costs no round trip for it.
 */
class ChainLinks {

    private static final String APPEND = "WITH event AS (INSERT INTO domain_event_entry (global_index, type, "
            + "aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type, payload_revision, "
            + "payload, meta_data) VALUES (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "RETURNING aggregate_identifier, sequence_number, event_identifier) "
            + "INSERT INTO audit_event_chain (aggregate_identifier, sequence_number, event_identifier, previous_hash, "
            + "hash) SELECT aggregate_identifier, sequence_number, event_identifier, ?, ? FROM event";
    private static final String PREVIOUS = "SELECT hash FROM audit_event_chain "
            + "WHERE aggregate_identifier = ? AND sequence_number = ?";

    private final ChainHasher hasher;

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
            }
            append.executeBatch();
        }
    }

    private static byte[] previousHash(Connection connection, StoredEvent event) throws SQLException {
        if (event.sequenceNumber() == 0) {
            return ChainHasher.GENESIS;
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
}
