package dev.ledgerline.conversation.queries;

import java.time.Instant;
import java.util.List;

import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessageRole;

/** A message with its tool calls (each with its result once recorded), in the order the assistant made them. */
public record MessageView(MessageId id, long sequence, MessageRole role, String content, long tokenCount,
                          List<ToolCallView> toolCalls, Instant createdAt) {

    public MessageView {
        toolCalls = List.copyOf(toolCalls);
    }
}
