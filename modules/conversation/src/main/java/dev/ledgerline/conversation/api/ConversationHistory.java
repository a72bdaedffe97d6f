package dev.ledgerline.conversation.api;

import java.util.Optional;

import dev.ledgerline.conversation.projection.ConversationReplayer;
import dev.ledgerline.conversation.queries.ConversationState;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A conversation as it stood at any point of its event stream, computed by the same code that maintains the read
 * tables ({@code conversations}, {@code messages}), so that the two cannot disagree: after the stream's last event the
 * state equals what {@code GET /api/conversations/{id}} and its messages show. Feed the events of ONE conversation in
 * sequence order; not thread-safe.
 */
public final class ConversationHistory {

    private final ConversationReplayer replayer = new ConversationReplayer();

    /** Applies the next event of the stream. */
    public ConversationHistory apply(DomainEventMessage<?> event) {
        replayer.apply(event);
        return this;
    }

    /** The state after the events applied so far; empty before {@code ConversationStarted} and after deletion. */
    public Optional<ConversationState> state() {
        return replayer.state();
    }

    /** The state after all of {@code events}, a prefix of one conversation's stream in sequence order. */
    public static Optional<ConversationState> replay(Iterable<? extends DomainEventMessage<?>> events) {
        ConversationHistory history = new ConversationHistory();
        events.forEach(history::apply);
        return history.state();
    }
}
