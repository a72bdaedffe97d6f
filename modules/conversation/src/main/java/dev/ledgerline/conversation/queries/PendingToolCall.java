package dev.ledgerline.conversation.queries;

import dev.ledgerline.conversation.events.MessageId;

/** A tool call that has no result yet, and the message that made it. */
public record PendingToolCall(String callId, String name, MessageId messageId) {
}
