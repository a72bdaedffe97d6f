package dev.ledgerline.conversation.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.queries.ConversationView;
import dev.ledgerline.conversation.queries.PendingToolCall;
import dev.ledgerline.identity.events.UserId;

/** A row of {@code conversations}: the view plus its owner and the aggregate version it reflects. */
record ConversationRow(ConversationId id, UserId userId, String title, long messageCount, long capacityUsed,
                       long capacityMax, Instant expiresAt, Instant createdAt, Instant updatedAt, long version,
                       List<PendingToolCall> pendingToolCalls) {

    ConversationRow {
        pendingToolCalls = List.copyOf(pendingToolCalls);
    }

    ConversationView toView() {
        return new ConversationView(id, title, createdAt, updatedAt, messageCount, capacityUsed, capacityMax,
                expiresAt, pendingToolCalls);
    }

    ConversationRow titled(String newTitle) {
        return new ConversationRow(id, userId, newTitle, messageCount, capacityUsed, capacityMax, expiresAt, createdAt,
                updatedAt, version, pendingToolCalls);
    }

    ConversationRow withMessage(long tokenCount) {
        return new ConversationRow(id, userId, title, messageCount + 1, capacityUsed + tokenCount, capacityMax,
                expiresAt, createdAt, updatedAt, version, pendingToolCalls);
    }

    ConversationRow withPending(PendingToolCall call) {
        List<PendingToolCall> pending = new ArrayList<>(pendingToolCalls);
        pending.add(call);
        return withPendingToolCalls(pending);
    }

    ConversationRow withoutPending(String callId) {
        return withPendingToolCalls(pendingToolCalls.stream().filter(call -> !call.callId().equals(callId)).toList());
    }

    ConversationRow touched(long newVersion, Instant at) {
        return new ConversationRow(id, userId, title, messageCount, capacityUsed, capacityMax, expiresAt, createdAt,
                at, newVersion, pendingToolCalls);
    }

    private ConversationRow withPendingToolCalls(List<PendingToolCall> pending) {
        return new ConversationRow(id, userId, title, messageCount, capacityUsed, capacityMax, expiresAt, createdAt,
                updatedAt, version, pending);
    }
}
