package dev.ledgerline.conversation.commands;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the conversation a new title (null clears it); answers the conversation's new version. */
public record RenameConversation(@TargetAggregateIdentifier ConversationId conversationId, UserId requestedBy,
                                 String title) {
}
