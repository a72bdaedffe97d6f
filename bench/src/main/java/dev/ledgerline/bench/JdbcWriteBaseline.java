package dev.ledgerline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * W1's baseline: the least PostgreSQL must do to post a message. One transaction per message, on one connection per
 * client, inserting one event row (a real MessagePosted payload, with the global index from a sequence) and one
 * message row, into copies of domain_event_entry and messages (same columns, keys, indexes and checks) in schema
 * {@code bench}. The application's own tables are never written.
 */
final class JdbcWriteBaseline implements AutoCloseable {

    private final EventFactory events;
    private final List<Writer> writers = new ArrayList<>();

    private final class Writer {
        final Connection connection;
        final PreparedStatement event;
        final PreparedStatement message;
        final String conversation = UUID.randomUUID().toString();
        final String owner = UUID.randomUUID().toString();
        long sequence;

        Writer(Database database) throws SQLException {
            connection = database.connect();
            connection.setAutoCommit(false);
            event = connection.prepareStatement("INSERT INTO bench.event (global_index, type, aggregate_identifier, "
                    + "sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload, "
                    + "meta_data) VALUES (nextval('bench.event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            message = connection.prepareStatement("INSERT INTO bench.message (id, conversation_id, user_id, sequence, "
                    + "role, content, token_count, tool_calls, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?)");
        }

        void post() throws SQLException {
            sequence++;
            UUID messageId = UUID.randomUUID();
            String content = Content.user(sequence);
            EventFactory.NewEvent posted = events.messagePosted(conversation, owner, messageId.toString(), sequence,
                    "USER", content);
            Instant now = Instant.now();
            event.setString(1, posted.aggregateType());
            event.setString(2, conversation);
            event.setLong(3, sequence);
            event.setString(4, UUID.randomUUID().toString());
            event.setString(5, Seeder.AXON_TIME.format(now));
            event.setString(6, posted.payloadType());
            event.setString(7, posted.revision());
            event.setBytes(8, posted.payload());
            event.setBytes(9, posted.metadata());
            event.executeUpdate();
            message.setObject(1, messageId);
            message.setObject(2, UUID.fromString(conversation));
            message.setObject(3, UUID.fromString(owner));
            message.setLong(4, sequence);
            message.setString(5, "user");
            message.setString(6, content);
            message.setLong(7, posted.tokens());
            message.setTimestamp(8, Timestamp.from(now));
            message.executeUpdate();
            connection.commit();
        }
    }

    JdbcWriteBaseline(Database database, EventFactory events, int clients) throws SQLException {
        this.events = events;
        database.execute("CREATE SCHEMA IF NOT EXISTS bench",
                "CREATE SEQUENCE IF NOT EXISTS bench.event_seq",
                "CREATE TABLE IF NOT EXISTS bench.event (LIKE public.domain_event_entry INCLUDING ALL)",
                "CREATE TABLE IF NOT EXISTS bench.message (LIKE public.messages INCLUDING ALL)");
        for (int i = 0; i < clients; i++) {
            writers.add(new Writer(database));
        }
    }

    /** Client i posts one message in one transaction. */
    Load.Call post() {
        return client -> {
            writers.get(client).post();
            return true;
        };
    }

    @Override
    public void close() throws SQLException {
        for (Writer writer : writers) {
            writer.connection.close();
        }
    }
}
