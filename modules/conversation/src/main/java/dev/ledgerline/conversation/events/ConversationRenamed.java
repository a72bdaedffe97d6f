package dev.ledgerline.conversation.events;

import org.axonframework.serialization.Revision;

/** The conversation's title changed; {@code title} is null when it was cleared. */
@Revision("1")
public record ConversationRenamed(ConversationId conversationId, String title) {
}
