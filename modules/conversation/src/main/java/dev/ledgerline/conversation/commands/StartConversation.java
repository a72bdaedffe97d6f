package dev.ledgerline.conversation.commands;

import java.time.Instant;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.identity.events.UserId;

/** Start a conversation owned by {@code userId}; {@code title} and {@code expiresAt} may be null. */
public record StartConversation(ConversationId conversationId, UserId userId, String title, long capacityMax,
                                Instant expiresAt) {

    public static final long DEFAULT_CAPACITY = 100_000;
}
