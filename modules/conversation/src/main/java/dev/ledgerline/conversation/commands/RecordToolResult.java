package dev.ledgerline.conversation.commands;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.ToolResultStatus;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record how the pending tool call {@code callId} ended; answers a {@link MessageReceipt}. */
public record RecordToolResult(@TargetAggregateIdentifier ConversationId conversationId, UserId requestedBy,
                               String callId, String output, ToolResultStatus status) {
}
