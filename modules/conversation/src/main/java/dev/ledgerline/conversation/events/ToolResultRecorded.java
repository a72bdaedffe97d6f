package dev.ledgerline.conversation.events;

import org.axonframework.serialization.Revision;

/** The tool call {@code callId} of message {@code messageId} finished with {@code output} and {@code status}. */
@Revision("1")
public record ToolResultRecorded(ConversationId conversationId, MessageId messageId, String callId, String output,
                                 ToolResultStatus status) {
}
