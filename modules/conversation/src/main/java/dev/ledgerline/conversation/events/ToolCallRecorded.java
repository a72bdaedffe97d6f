package dev.ledgerline.conversation.events;

import org.axonframework.serialization.Revision;

/** The assistant's message {@code messageId} called tool {@code name}; {@code arguments} is the JSON object's text. */
@Revision("1")
public record ToolCallRecorded(ConversationId conversationId, MessageId messageId, String callId, String name,
                               String arguments) {
}
