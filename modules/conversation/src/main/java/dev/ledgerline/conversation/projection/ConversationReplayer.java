package dev.ledgerline.conversation.projection;

import java.util.Optional;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.ConversationStarted;
import dev.ledgerline.conversation.queries.ConversationState;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Runs one conversation's events through {@link ConversationProjector} into memory. Public only so that
 * {@code api.ConversationHistory} can reach it; other modules use that class.
 */
public final class ConversationReplayer {

    private final InMemoryConversationRows rows = new InMemoryConversationRows();
    private final ConversationProjector projector = new ConversationProjector(rows);
    private ConversationId id;

    public void apply(DomainEventMessage<?> event) {
        if (id == null && event.getPayload() instanceof ConversationStarted started) {
            id = started.conversationId();
        }
        projector.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
    }

    /** The state after the events applied so far; empty before the start and after the deletion. */
    public Optional<ConversationState> state() {
        if (id == null) {
            return Optional.empty();
        }
        return rows.conversation(id).map(row -> new ConversationState(row.toView(),
                rows.messagesOf(id).stream().map(MessageRow::toView).toList()));
    }
}
