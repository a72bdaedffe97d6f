package dev.ledgerline.conversation.queries;

import java.time.Instant;
import java.util.List;

import dev.ledgerline.conversation.events.ConversationId;

/** A conversation as its owner reads it; {@code title} and {@code expiresAt} may be null. */
public record ConversationView(ConversationId id, String title, Instant createdAt, Instant updatedAt,
                               long messageCount, long capacityUsed, long capacityMax, Instant expiresAt,
                               List<PendingToolCall> pendingToolCalls) {

    public ConversationView {
        pendingToolCalls = List.copyOf(pendingToolCalls);
    }
}
