package dev.ledgerline.conversation.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.ledgerline.conversation.queries.MessageView;
import dev.ledgerline.conversation.queries.ToolCallView;

/**
 * A message exactly as the REST API writes it (dates as ISO-8601); {@code arguments} is raw JSON text written as the
 * object it is.
 */
public record MessageJson(String id, long sequence, String role, String content, long tokenCount,
                          List<ToolCallJson> toolCalls, Instant createdAt) {

    public MessageJson {
        toolCalls = List.copyOf(toolCalls);
    }

    /** A tool call with its result once recorded ({@code output} and {@code status} null until then). */
    public record ToolCallJson(String callId, String name, @JsonRawValue String arguments, String output,
                               String status) {

        public static ToolCallJson of(ToolCallView call) {
            return new ToolCallJson(call.callId(), call.name(), call.arguments(), call.output(),
                    call.status() == null ? null : call.status().wireName());
        }
    }

    public static MessageJson of(MessageView view) {
        return new MessageJson(view.id().toString(), view.sequence(), view.role().wireName(), view.content(),
                view.tokenCount(), view.toolCalls().stream().map(ToolCallJson::of).toList(), view.createdAt());
    }
}
