package dev.ledgerline.conversation.events;

import org.axonframework.serialization.Revision;

/** The owner deleted the conversation; it accepts no further command and leaves the read tables. */
@Revision("1")
public record ConversationDeleted(ConversationId conversationId) {
}
