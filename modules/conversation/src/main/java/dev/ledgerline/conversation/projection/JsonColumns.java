package dev.ledgerline.conversation.projection;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.ToolResultStatus;
import dev.ledgerline.conversation.queries.PendingToolCall;
import dev.ledgerline.conversation.queries.ToolCallView;

/**
 * The {@code jsonb} columns: {@code messages.tool_calls} holds {@code [{callId, name, arguments, output, status}]}
 * with {@code arguments} as a JSON object; {@code conversations.pending_tool_calls} holds
 * {@code [{callId, name, messageId}]}.
 */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {
    }

    static String toolCalls(List<ToolCallView> calls) {
        ArrayNode array = JSON.createArrayNode();
        for (ToolCallView call : calls) {
            ObjectNode node = array.addObject();
            node.put("callId", call.callId());
            node.put("name", call.name());
            node.set("arguments", parse(call.arguments()));
            node.put("output", call.output());
            node.put("status", call.status() == null ? null : call.status().wireName());
        }
        return array.toString();
    }

    static List<ToolCallView> toolCalls(String json) {
        List<ToolCallView> calls = new ArrayList<>();
        for (JsonNode node : parse(json)) {
            String status = text(node, "status");
            calls.add(new ToolCallView(node.get("callId").asText(), node.get("name").asText(),
                    node.get("arguments").toString(), text(node, "output"),
                    status == null ? null : ToolResultStatus.fromWireName(status)));
        }
        return calls;
    }

    static String pending(List<PendingToolCall> calls) {
        ArrayNode array = JSON.createArrayNode();
        for (PendingToolCall call : calls) {
            array.addObject().put("callId", call.callId()).put("name", call.name())
                    .put("messageId", call.messageId().toString());
        }
        return array.toString();
    }

    static List<PendingToolCall> pending(String json) {
        List<PendingToolCall> calls = new ArrayList<>();
        for (JsonNode node : parse(json)) {
            calls.add(new PendingToolCall(node.get("callId").asText(), node.get("name").asText(),
                    MessageId.of(node.get("messageId").asText())));
        }
        return calls;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
