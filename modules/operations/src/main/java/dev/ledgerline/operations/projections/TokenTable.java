package dev.ledgerline.operations.projections;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Axon's token_entry rows read and written as the JPA token store writes them (same serializer). */
@Component
class TokenTable {

    record Row(int segment, TrackingToken token, String owner, String timestamp) {

        /** The last global index this segment has processed, -1 before the first. */
        long position() {
            TrackingToken lowest = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lowest == null) {
                return -1;
            }
            OptionalLong position = lowest.position();
            return position.orElse(-1);
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    TokenTable(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<Row> read(String processorName) {
        return jdbc.query("SELECT segment, token, token_type, owner, timestamp FROM token_entry"
                + " WHERE processor_name = ? ORDER BY segment", (rs, n) -> new Row(rs.getInt("segment"),
                token(rs.getBytes("token"), rs.getString("token_type")), rs.getString("owner"),
                rs.getString("timestamp")), processorName);
    }

    /** Reads and locks the rows until the transaction ends: the processor cannot store a token meanwhile. */
    List<Row> readForUpdate(String processorName) {
        return jdbc.query("SELECT segment, token, token_type, owner, timestamp FROM token_entry"
                + " WHERE processor_name = ? ORDER BY segment FOR UPDATE", (rs, n) -> new Row(rs.getInt("segment"),
                token(rs.getBytes("token"), rs.getString("token_type")), rs.getString("owner"),
                rs.getString("timestamp")), processorName);
    }

    void insert(String processorName, int segment, TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        jdbc.update("INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)"
                        + " VALUES (?, ?, ?, ?, ?, NULL)", processorName, segment, serialized.getData(),
                serialized.getType().getName(), DateTimeUtils.formatInstant(Instant.now()));
    }

    /** Replaces a segment's token; {@code owner} null releases it, anything else claims it as of now. */
    void replace(String processorName, int segment, TrackingToken token, String owner) {
        SerializedObject<byte[]> serialized = token == null ? null : serializer.serialize(token, byte[].class);
        jdbc.update("UPDATE token_entry SET token = ?, token_type = ?, owner = ?, timestamp = ?"
                        + " WHERE processor_name = ? AND segment = ?",
                serialized == null ? null : serialized.getData(),
                serialized == null ? null : serialized.getType().getName(), owner,
                DateTimeUtils.formatInstant(Instant.now()), processorName, segment);
    }

    void delete(String processorName) {
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processorName);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class,
                new SimpleSerializedType(type, null)));
    }
}
