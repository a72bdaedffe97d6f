package dev.ledgerline.conversation.projection;

import java.time.Instant;
import java.util.List;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.conversation.queries.MessageView;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;

/** A row of {@code messages}. */
record MessageRow(MessageId id, ConversationId conversationId, UserId userId, long sequence, MessageRole role,
                  String content, long tokenCount, List<ToolCallView> toolCalls, Instant createdAt) {

    MessageRow {
        toolCalls = List.copyOf(toolCalls);
    }

    MessageView toView() {
        return new MessageView(id, sequence, role, content, tokenCount, toolCalls, createdAt);
    }
}
