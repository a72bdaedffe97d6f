package dev.ledgerline.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.postgresql.PGStatement;

/**
 * The event store's three hot reads in plain SQL, on the connection of the caller's transaction: a processor's next
 * batch in global order, an aggregate's events from a sequence number on, and its latest snapshot. They return what
 * Axon's JPA queries return, without Hibernate's query and result handling, which was about a sixth of a rebuilding
 * processor's coordinator thread. Every statement is prepared on the server with binary results from its first
 * execution, so that {@code bytea} payloads are not sent and decoded as hex text.
 */
final class EventStoreQueries {

    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";
    private static final String AFTER = "SELECT " + COLUMNS + " FROM domain_event_entry "
            + "WHERE global_index > ? ORDER BY global_index LIMIT ?";
    /**
     * The events that filled a token's gaps (all below its index) and the first ones after it, as two index scans.
     * Axon's form, {@code global_index > ? OR global_index = ANY (?)}, leaves the plan to the planner's guess: a custom
     * plan (bitmap OR, then a sort) planned anew at every execution, or, when PostgreSQL judges the prepared
     * statement's generic plan cheaper (psql's {@code PREPARE} here did), a walk through the whole primary key
     * filtering every row, whose cost grows with the store. This one's plans are index scans for any values. A token's
     * gaps lie below its index; the gap branch still stops at the index, so that the two branches never overlap.
     */
    private static final String AFTER_OR_GAPS = "SELECT * FROM ("
            + "SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index = ANY (?) AND global_index <= ? "
            + "UNION ALL (SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index > ? "
            + "ORDER BY global_index LIMIT ?)) events ORDER BY global_index LIMIT ?";
    private static final String AGGREGATE = "SELECT " + COLUMNS + " FROM domain_event_entry "
            + "WHERE aggregate_identifier = ? AND sequence_number >= ? ORDER BY sequence_number LIMIT ?";
    private static final String SNAPSHOT = "SELECT type, aggregate_identifier, sequence_number, event_identifier, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data FROM snapshot_event_entry "
            + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1";

    private EventStoreQueries() {
    }

    /**
     * Rows shaped as Axon's {@code JpaEventStorageEngine#fetchEvents} returns them: global index, type, aggregate
     * identifier, sequence number, event identifier, timestamp, payload type, payload revision, payload, metadata.
     */
    static List<Object[]> after(Connection connection, long index, SortedSet<Long> gaps, int limit)
            throws SQLException {
        boolean withGaps = !gaps.isEmpty();
        try (PreparedStatement statement = prepare(connection, withGaps ? AFTER_OR_GAPS : AFTER)) {
            if (withGaps) {
                statement.setArray(1, connection.createArrayOf("bigint", gaps.toArray()));
                statement.setLong(2, index);
                statement.setLong(3, index);
                statement.setInt(4, limit);
                statement.setInt(5, limit);
            } else {
                statement.setLong(1, index);
                statement.setInt(2, limit);
            }
            List<Object[]> rows = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[]{
                            result.getLong(1), result.getString(2), result.getString(3), result.getLong(4),
                            result.getString(5), result.getString(6), result.getString(7), result.getString(8),
                            result.getBytes(9), result.getBytes(10)});
                }
            }
            return rows;
        }
    }

    static List<DomainEventData<?>> aggregate(Connection connection, String aggregateIdentifier,
                                              long firstSequenceNumber, int limit) throws SQLException {
        try (PreparedStatement statement = prepare(connection, AGGREGATE)) {
            statement.setString(1, aggregateIdentifier);
            statement.setLong(2, firstSequenceNumber);
            statement.setInt(3, limit);
            List<DomainEventData<?>> events = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    events.add(entry(result, 2));
                }
            }
            return events;
        }
    }

    static List<DomainEventData<?>> snapshot(Connection connection, String aggregateIdentifier) throws SQLException {
        try (PreparedStatement statement = prepare(connection, SNAPSHOT)) {
            statement.setString(1, aggregateIdentifier);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? List.of(entry(result, 1)) : List.of();
            }
        }
    }

    /** The columns from type to metadata, starting at {@code first}, in {@link #COLUMNS}' order. */
    private static GenericDomainEventEntry<byte[]> entry(ResultSet result, int first) throws SQLException {
        return new GenericDomainEventEntry<>(
                result.getString(first), result.getString(first + 1), result.getLong(first + 2),
                result.getString(first + 3), result.getString(first + 4), result.getString(first + 5),
                result.getString(first + 6), result.getBytes(first + 7), result.getBytes(first + 8));
    }

    /** A statement prepared on the server, with binary results, from its first execution. */
    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        return statement;
    }
}
