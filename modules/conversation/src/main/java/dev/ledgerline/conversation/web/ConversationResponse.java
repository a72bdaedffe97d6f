package dev.ledgerline.conversation.web;

import java.time.Instant;
import java.util.List;

import dev.ledgerline.conversation.queries.ConversationView;

record ConversationResponse(String id, String title, Instant createdAt, Instant updatedAt, long messageCount,
                            long capacityUsed, long capacityMax, Instant expiresAt,
                            List<PendingToolCallResponse> pendingToolCalls) {

    record PendingToolCallResponse(String callId, String name, String messageId) {
    }

    static ConversationResponse of(ConversationView view) {
        return new ConversationResponse(view.id().toString(), view.title(), view.createdAt(), view.updatedAt(),
                view.messageCount(), view.capacityUsed(), view.capacityMax(), view.expiresAt(),
                view.pendingToolCalls().stream().map(call -> new PendingToolCallResponse(call.callId(), call.name(),
                        call.messageId().toString())).toList());
    }
}
