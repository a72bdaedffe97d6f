package dev.ledgerline.conversation.api;

import java.time.Instant;
import java.util.List;

import dev.ledgerline.conversation.queries.ConversationView;

/**
 * A conversation exactly as {@code GET /api/conversations/{id}} writes it (dates as ISO-8601): the audit module
 * renders past states with it so that they read like the live ones.
 */
public record ConversationJson(String id, String title, Instant createdAt, Instant updatedAt, long messageCount,
                               long capacityUsed, long capacityMax, Instant expiresAt,
                               List<PendingToolCallJson> pendingToolCalls) {

    public ConversationJson {
        pendingToolCalls = List.copyOf(pendingToolCalls);
    }

    public record PendingToolCallJson(String callId, String name, String messageId) {
    }

    public static ConversationJson of(ConversationView view) {
        return new ConversationJson(view.id().toString(), view.title(), view.createdAt(), view.updatedAt(),
                view.messageCount(), view.capacityUsed(), view.capacityMax(), view.expiresAt(),
                view.pendingToolCalls().stream().map(call -> new PendingToolCallJson(call.callId(), call.name(),
                        call.messageId().toString())).toList());
    }
}
