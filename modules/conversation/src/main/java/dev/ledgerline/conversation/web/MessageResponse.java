package dev.ledgerline.conversation.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.ledgerline.conversation.queries.MessageView;
import dev.ledgerline.conversation.queries.ToolCallView;

record MessageResponse(String id, long sequence, String role, String content, long tokenCount,
                       List<ToolCallResponse> toolCalls, Instant createdAt) {

    /** {@code arguments} is JSON text produced by the read side, written as the JSON object it is. */
    record ToolCallResponse(String callId, String name, @JsonRawValue String arguments, String output, String status) {

        static ToolCallResponse of(ToolCallView call) {
            return new ToolCallResponse(call.callId(), call.name(), call.arguments(), call.output(),
                    call.status() == null ? null : call.status().wireName());
        }
    }

    static MessageResponse of(MessageView view) {
        return new MessageResponse(view.id().toString(), view.sequence(), view.role().wireName(), view.content(),
                view.tokenCount(), view.toolCalls().stream().map(ToolCallResponse::of).toList(), view.createdAt());
    }
}
