package dev.ledgerline.audit.stream;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.ledgerline.audit.queries.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Reads event streams straight from the event store, with their recorded chain links. */
@Component
public class EventStreamReader {

    private static final String SELECT = """
            SELECT e.aggregate_identifier, e.type, e.global_index, e.sequence_number, e.event_identifier, e.payload_type, e.payload_revision,
                   e.time_stamp, e.payload, e.meta_data, c.hash, c.previous_hash
            FROM domain_event_entry e
            LEFT JOIN audit_event_chain c
                ON c.aggregate_identifier = e.aggregate_identifier AND c.sequence_number = e.sequence_number
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    /** Writes root values one after another without a separator: each line ends with its own newline. */
    private final ObjectWriter ndjson;

    EventStreamReader(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.ndjson = json.writer().withRootValueSeparator("").without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /** The aggregate type of a stream ({@code Conversation}, {@code User} …), empty when it has no events. */
    public Optional<String> streamType(String streamId) {
        return jdbc.query("SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? LIMIT 1",
                (rows, i) -> rows.getString(1), streamId).stream().findFirst();
    }

    public List<AuditEvent> page(String streamId, long fromSequence, long toSequence, int limit) {
        return jdbc.query(SELECT + "WHERE e.aggregate_identifier = ? AND e.sequence_number BETWEEN ? AND ? "
                        + "ORDER BY e.sequence_number LIMIT ?",
                (rows, i) -> event(rows), streamId, fromSequence, toSequence, limit);
    }

    /**
     * Writes every event of one stream as NDJSON, one {@link AuditEvent} per line, in sequence order; memory stays
     * constant. Each line is written as it is read: the stored payload is copied token by token into the line (so it
     * is checked to be JSON, but never built into a tree and serialized again). Reading in sequence order lets
     * PostgreSQL walk the stream's index instead of sorting every event of it.
     */
    @Transactional(readOnly = true)
    public void export(String streamId, OutputStream out) {
        try (JsonGenerator line = ndjson.createGenerator(out)) {
            jdbc.query(StreamingStatements.streaming(
                            SELECT + "WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number", streamId),
                    (RowCallbackHandler) rows -> write(rows, line));
        }
    }

    /** The fields of {@link AuditEvent}, in its order; the result set's columns in {@link #SELECT}'s order. */
    private void write(ResultSet rows, JsonGenerator line) throws SQLException {
        Metadata metadata = metadata(rows.getBytes(10));
        line.writeStartObject();
        line.writeStringProperty("streamId", rows.getString(1));
        line.writeStringProperty("streamType", rows.getString(2));
        line.writeNumberProperty("sequence", rows.getLong(4));
        line.writeNumberProperty("globalIndex", rows.getLong(3));
        line.writeStringProperty("eventId", rows.getString(5));
        line.writeStringProperty("type", simpleName(rows.getString(6)));
        line.writeStringProperty("revision", rows.getString(7));
        line.writeStringProperty("timestamp", rows.getString(8));
        line.writeStringProperty("actor", metadata.actor);
        line.writeStringProperty("correlationId", metadata.correlationId);
        line.writeStringProperty("clientAddress", metadata.clientAddress);
        line.writeName("payload");
        byte[] payload = rows.getBytes(9);
        if (payload == null) {
            line.writeNull();
        } else {
            try (JsonParser stored = json.createParser(payload)) {
                stored.nextToken();
                line.copyCurrentStructure(stored);
            }
        }
        line.writeStringProperty("hash", hex(rows.getBytes(11)));
        line.writeStringProperty("previousHash", hex(rows.getBytes(12)));
        line.writeEndObject();
        line.writeRaw('\n');
    }

    /** The three metadata entries an audit line shows, read without building the metadata into a tree. */
    private Metadata metadata(byte[] bytes) {
        Metadata metadata = new Metadata();
        if (bytes == null) {
            return metadata;
        }
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return metadata;
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                // as text(): a scalar's text, null for JSON null and for objects and arrays
                String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getString() : null;
                parser.skipChildren();
                switch (name) {
                    case "actor" -> metadata.actor = text;
                    case "correlationId" -> metadata.correlationId = text;
                    case "clientAddress" -> metadata.clientAddress = text;
                    default -> {
                    }
                }
            }
        }
        return metadata;
    }

    private static final class Metadata {
        private String actor;
        private String correlationId;
        private String clientAddress;
    }

    public List<AuditEvent> page(List<String> streamIds, long afterGlobalIndex, int limit) {
        return jdbc.query(SELECT + "WHERE e.aggregate_identifier = ANY (?) AND e.global_index > ? "
                        + "ORDER BY e.global_index LIMIT ?",
                (rows, i) -> event(rows), streamIds.toArray(String[]::new), afterGlobalIndex, limit);
    }

    private AuditEvent event(ResultSet rows) throws SQLException {
        JsonNode metadata = parse(rows.getBytes("meta_data"));
        String payloadType = rows.getString("payload_type");
        return new AuditEvent(
                rows.getString("aggregate_identifier"),
                rows.getString("type"),
                rows.getLong("sequence_number"),
                rows.getLong("global_index"),
                rows.getString("event_identifier"),
                simpleName(payloadType),
                rows.getString("payload_revision"),
                rows.getString("time_stamp"),
                text(metadata, "actor"),
                text(metadata, "correlationId"),
                text(metadata, "clientAddress"),
                parse(rows.getBytes("payload")),
                hex(rows.getBytes("hash")),
                hex(rows.getBytes("previous_hash")));
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private JsonNode parse(byte[] bytes) {
        return bytes == null ? json.nullNode() : json.readTree(bytes);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
