package dev.ledgerline.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * New conversation events in exactly the serialized form the application writes: each is a copy of an event the
 * application itself stored (through HTTP, during setup) with its ids, sequence and content replaced.
 */
final class EventFactory {

    static final String PACKAGE = "dev.ledgerline.conversation.events.";
    static final String CONVERSATION_STARTED = PACKAGE + "ConversationStarted";
    static final String MESSAGE_POSTED = PACKAGE + "MessagePosted";
    static final String TOOL_CALL_RECORDED = PACKAGE + "ToolCallRecorded";
    static final String TOOL_RESULT_RECORDED = PACKAGE + "ToolResultRecorded";

    /** An event ready to append: everything the store holds but the aggregate, sequence, id and time. */
    record NewEvent(String aggregateType, String payloadType, String revision, byte[] payload, byte[] metadata,
                    boolean message, long tokens) {
    }

    private record Template(String aggregateType, String revision, ObjectNode payload, ObjectNode metadata) {
    }

    private final Map<String, Template> templates;

    private EventFactory(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** Takes the first stored event of each conversation event type from the template conversation. */
    static EventFactory from(Connection connection, String conversation) throws SQLException, IOException {
        Map<String, Template> templates = new HashMap<>();
        try (PreparedStatement events = connection.prepareStatement("SELECT type, payload_type, payload_revision, "
                + "payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            events.setString(1, conversation);
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    templates.putIfAbsent(rows.getString(2), new Template(rows.getString(1), rows.getString(3),
                            (ObjectNode) Api.JSON.readTree(rows.getBytes(4)),
                            (ObjectNode) Api.JSON.readTree(rows.getBytes(5))));
                }
            }
        }
        for (String type : new String[] {CONVERSATION_STARTED, MESSAGE_POSTED, TOOL_CALL_RECORDED,
                TOOL_RESULT_RECORDED}) {
            if (!templates.containsKey(type)) {
                throw new IllegalStateException("the template conversation has no " + type + " event");
            }
        }
        return new EventFactory(templates);
    }

    NewEvent conversationStarted(String conversation, String owner, long capacityMax) {
        ObjectNode payload = payload(CONVERSATION_STARTED, conversation);
        ((ObjectNode) payload.get("userId")).put("value", owner);
        payload.put("title", "bench " + conversation.substring(0, 8));
        payload.put("capacityMax", capacityMax);
        return event(CONVERSATION_STARTED, payload, owner, false, 0);
    }

    NewEvent messagePosted(String conversation, String owner, String messageId, long sequence, String role,
                           String content) {
        long tokens = (content.length() + 3) / 4;
        ObjectNode payload = payload(MESSAGE_POSTED, conversation);
        ((ObjectNode) payload.get("messageId")).put("value", messageId);
        payload.put("sequence", sequence);
        payload.put("role", role);
        payload.put("content", content);
        payload.put("tokenCount", tokens);
        return event(MESSAGE_POSTED, payload, owner, true, tokens);
    }

    NewEvent toolCallRecorded(String conversation, String owner, String messageId, String callId) {
        ObjectNode payload = payload(TOOL_CALL_RECORDED, conversation);
        ((ObjectNode) payload.get("messageId")).put("value", messageId);
        payload.put("callId", callId);
        return event(TOOL_CALL_RECORDED, payload, owner, false, 0);
    }

    NewEvent toolResultRecorded(String conversation, String owner, String messageId, String callId) {
        ObjectNode payload = payload(TOOL_RESULT_RECORDED, conversation);
        ((ObjectNode) payload.get("messageId")).put("value", messageId);
        payload.put("callId", callId);
        return event(TOOL_RESULT_RECORDED, payload, owner, false, 0);
    }

    private ObjectNode payload(String type, String conversation) {
        ObjectNode payload = templates.get(type).payload().deepCopy();
        ((ObjectNode) payload.get("conversationId")).put("value", conversation);
        return payload;
    }

    private NewEvent event(String type, ObjectNode payload, String owner, boolean message, long tokens) {
        Template template = templates.get(type);
        ObjectNode metadata = template.metadata().deepCopy();
        metadata.put("actor", owner);
        if (metadata.has("causationId")) {
            metadata.put("causationId", UUID.randomUUID().toString());
        }
        if (metadata.has("correlationId")) {
            metadata.put("correlationId", UUID.randomUUID().toString());
        }
        try {
            return new NewEvent(template.aggregateType(), type, template.revision(), Api.JSON.writeValueAsBytes(payload),
                    Api.JSON.writeValueAsBytes(metadata), message, tokens);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
