package dev.ledgerline.conversation.commands;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete the conversation; answers the version of the deletion event. */
public record DeleteConversation(@TargetAggregateIdentifier ConversationId conversationId, UserId requestedBy) {
}
