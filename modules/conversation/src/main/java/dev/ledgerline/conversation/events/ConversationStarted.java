package dev.ledgerline.conversation.events;

import java.time.Instant;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.serialization.Revision;

/** A user started a conversation with an optional title, a capacity in tokens and an optional expiry. */
@Revision("1")
public record ConversationStarted(ConversationId conversationId, UserId userId, String title, long capacityMax,
                                  Instant expiresAt) {
}
