package dev.ledgerline.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.audit.chain.ChainHasher;
import dev.ledgerline.audit.chain.StoredEvent;

/**
 * Appends events straight into the event store, with their audit chain links computed exactly as the application
 * computes them: batched multi-row inserts, a few batches per transaction, one connection (so global indexes follow
 * commit order and the processors see no gaps).
 */
final class Seeder implements AutoCloseable {

    static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BATCH = 1_000;
    private static final int BATCHES_PER_TRANSACTION = 5;

    /** What the seeder must know of a stream to continue it as the aggregate would. */
    static final class Stream {
        final String id;
        final String owner;
        long nextSequence;
        long messageCount;
        long capacityUsed;
        byte[] lastHash;

        Stream(String id, String owner, long nextSequence, long messageCount, long capacityUsed, byte[] lastHash) {
            this.id = id;
            this.owner = owner;
            this.nextSequence = nextSequence;
            this.messageCount = messageCount;
            this.capacityUsed = capacityUsed;
            this.lastHash = lastHash;
        }
    }

    private record Pending(StoredEvent event, byte[] previousHash, byte[] hash) {
    }

    private final Connection connection;
    private final ChainHasher hasher;
    private final PreparedStatement indexes;
    private final PreparedStatement events;
    private final PreparedStatement links;
    private final List<Pending> pending = new ArrayList<>(BATCH);
    private int batchesInTransaction;
    private long appended;

    Seeder(Database database, byte[] chainKey) throws SQLException {
        this.connection = database.connect();
        connection.setAutoCommit(false);
        this.hasher = new ChainHasher(chainKey);
        this.indexes = connection.prepareStatement(
                "SELECT nextval('domain_event_entry_seq') FROM generate_series(1, ?)");
        this.events = connection.prepareStatement("INSERT INTO domain_event_entry (global_index, type, "
                + "aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type, payload_revision, "
                + "payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.links = connection.prepareStatement("INSERT INTO audit_event_chain (aggregate_identifier, "
                + "sequence_number, event_identifier, previous_hash, hash) VALUES (?, ?, ?, ?, ?)");
    }

    static Stream newStream(String id, String owner) {
        return new Stream(id, owner, 0, 0, 0, ChainHasher.GENESIS);
    }

    /** The state of a stream the application wrote, read from its stored events and its last chain link. */
    Stream existing(String id, String owner) throws SQLException, IOException {
        long next = 0;
        long messages = 0;
        long capacity = 0;
        try (PreparedStatement stored = connection.prepareStatement("SELECT sequence_number, payload_type, payload "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            stored.setString(1, id);
            try (ResultSet rows = stored.executeQuery()) {
                while (rows.next()) {
                    next = rows.getLong(1) + 1;
                    if (EventFactory.MESSAGE_POSTED.equals(rows.getString(2))) {
                        JsonNode payload = Api.JSON.readTree(rows.getBytes(3));
                        messages = payload.get("sequence").asLong();
                        capacity += payload.get("tokenCount").asLong();
                    }
                }
            }
        }
        byte[] last = ChainHasher.GENESIS;
        if (next > 0) {
            try (PreparedStatement link = connection.prepareStatement("SELECT hash FROM audit_event_chain "
                    + "WHERE aggregate_identifier = ? AND sequence_number = ?")) {
                link.setString(1, id);
                link.setLong(2, next - 1);
                try (ResultSet rows = link.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("stream " + id + " has no chain link for " + (next - 1));
                    }
                    last = rows.getBytes(1);
                }
            }
        }
        connection.commit();
        return new Stream(id, owner, next, messages, capacity, last);
    }

    void append(Stream stream, EventFactory.NewEvent event) throws SQLException {
        StoredEvent stored = new StoredEvent(-1, stream.id, stream.nextSequence, event.aggregateType(),
                UUID.randomUUID().toString(), AXON_TIME.format(Instant.now()), event.payloadType(), event.revision(),
                event.payload(), event.metadata());
        byte[] hash = hasher.link(stream.lastHash, stored);
        pending.add(new Pending(stored, stream.lastHash, hash));
        stream.lastHash = hash;
        stream.nextSequence++;
        if (event.message()) {
            stream.messageCount++;
            stream.capacityUsed += event.tokens();
        }
        if (pending.size() == BATCH) {
            flush();
        }
    }

    /** Writes what is pending and commits. */
    void commit() throws SQLException {
        flush();
        connection.commit();
        batchesInTransaction = 0;
    }

    long appended() {
        return appended;
    }

    private void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        long[] globalIndexes = new long[pending.size()];
        indexes.setInt(1, pending.size());
        try (ResultSet rows = indexes.executeQuery()) {
            for (int i = 0; rows.next(); i++) {
                globalIndexes[i] = rows.getLong(1);
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            StoredEvent event = pending.get(i).event();
            events.setLong(1, globalIndexes[i]);
            events.setString(2, event.aggregateType());
            events.setString(3, event.aggregateIdentifier());
            events.setLong(4, event.sequenceNumber());
            events.setString(5, event.eventIdentifier());
            events.setString(6, event.timestamp());
            events.setString(7, event.payloadType());
            events.setString(8, event.payloadRevision());
            events.setBytes(9, event.payload());
            events.setBytes(10, event.metadata());
            events.addBatch();
            links.setString(1, event.aggregateIdentifier());
            links.setLong(2, event.sequenceNumber());
            links.setString(3, event.eventIdentifier());
            links.setBytes(4, pending.get(i).previousHash());
            links.setBytes(5, pending.get(i).hash());
            links.addBatch();
        }
        events.executeBatch();
        links.executeBatch();
        appended += pending.size();
        pending.clear();
        if (++batchesInTransaction >= BATCHES_PER_TRANSACTION) {
            connection.commit();
            batchesInTransaction = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
