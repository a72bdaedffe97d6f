package dev.ledgerline.conversation.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.ledgerline.conversation.events.ConversationDeleted;
import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.ConversationRenamed;
import dev.ledgerline.conversation.events.ConversationStarted;
import dev.ledgerline.conversation.events.MessagePosted;
import dev.ledgerline.conversation.events.ToolCallRecorded;
import dev.ledgerline.conversation.events.ToolResultRecorded;
import dev.ledgerline.conversation.queries.PendingToolCall;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserDeleted;

/**
 * The one piece of code that turns conversation events into rows, whether the rows are the read tables or the audit's
 * in-memory replay. Each event is applied at most once per conversation: a row remembers the aggregate version
 * (sequence number) of the last event it reflects and older or repeated events are skipped, which makes redelivery
 * harmless. Times are kept to the microsecond, as PostgreSQL stores them.
 */
final class ConversationProjector {

    private final ConversationRows rows;

    ConversationProjector(ConversationRows rows) {
        this.rows = rows;
    }

    /** Applies one event of a conversation's stream; unknown payloads are ignored. */
    void apply(Object payload, long version, Instant timestamp) {
        if (payload instanceof ConversationStarted event) {
            on(event, version, timestamp);
        } else if (payload instanceof ConversationRenamed event) {
            on(event, version, timestamp);
        } else if (payload instanceof MessagePosted event) {
            on(event, version, timestamp);
        } else if (payload instanceof ToolCallRecorded event) {
            on(event, version, timestamp);
        } else if (payload instanceof ToolResultRecorded event) {
            on(event, version, timestamp);
        } else if (payload instanceof ConversationDeleted event) {
            on(event, version);
        }
    }

    void on(ConversationStarted event, long version, Instant timestamp) {
        if (rows.conversation(event.conversationId()).isPresent()) {
            return;
        }
        Instant at = micros(timestamp);
        rows.insertConversation(new ConversationRow(event.conversationId(), event.userId(), event.title(), 0, 0,
                event.capacityMax(), micros(event.expiresAt()), at, at, version, List.of()));
    }

    void on(ConversationRenamed event, long version, Instant timestamp) {
        change(event.conversationId(), version, timestamp, row -> row.titled(event.title()));
    }

    void on(MessagePosted event, long version, Instant timestamp) {
        change(event.conversationId(), version, timestamp, row -> {
            rows.insertMessage(new MessageRow(event.messageId(), row.id(), row.userId(), event.sequence(),
                    event.role(), event.content(), event.tokenCount(), List.of(), micros(timestamp)));
            return row.withMessage(event.tokenCount());
        });
    }

    void on(ToolCallRecorded event, long version, Instant timestamp) {
        change(event.conversationId(), version, timestamp, row -> {
            rows.message(event.messageId()).ifPresent(message -> {
                List<ToolCallView> calls = new ArrayList<>(message.toolCalls());
                calls.add(new ToolCallView(event.callId(), event.name(), event.arguments(), null, null));
                rows.updateToolCalls(message.id(), calls);
            });
            return row.withPending(new PendingToolCall(event.callId(), event.name(), event.messageId()));
        });
    }

    void on(ToolResultRecorded event, long version, Instant timestamp) {
        change(event.conversationId(), version, timestamp, row -> {
            rows.message(event.messageId()).ifPresent(message -> rows.updateToolCalls(message.id(),
                    message.toolCalls().stream().map(call -> call.callId().equals(event.callId())
                            ? new ToolCallView(call.callId(), call.name(), call.arguments(), event.output(),
                            event.status())
                            : call).toList()));
            return row.withoutPending(event.callId());
        });
    }

    void on(ConversationDeleted event, long version) {
        Optional<ConversationRow> row = rows.conversation(event.conversationId());
        if (row.isPresent() && row.get().version() < version) {
            rows.deleteConversation(event.conversationId());
        }
    }

    void on(UserDeleted event) {
        rows.deleteConversationsOf(event.userId());
    }

    private void change(ConversationId id, long version, Instant timestamp, UnaryOperator<ConversationRow> change) {
        Optional<ConversationRow> row = rows.conversation(id);
        if (row.isEmpty() || row.get().version() >= version) {
            return;
        }
        rows.updateConversation(change.apply(row.get()).touched(version, micros(timestamp)));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
