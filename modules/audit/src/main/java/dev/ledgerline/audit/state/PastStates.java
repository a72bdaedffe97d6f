package dev.ledgerline.audit.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.ledgerline.audit.queries.PastState;
import dev.ledgerline.conversation.api.ConversationHistory;
import dev.ledgerline.conversation.api.ConversationJson;
import dev.ledgerline.conversation.api.MessageJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * A conversation as it stood after a given event: its stored events (never a snapshot, never the read tables)
 * replayed through {@link ConversationHistory}, the code that also maintains the read tables.
 */
@Component
public class PastStates {

    private final EventStorageEngine events;

    PastStates(EventStorageEngine events) {
        this.events = events;
    }

    /** After the event with this sequence number; empty when the stream has no such event. */
    public Optional<PastState> atSequence(String conversationId, long sequence) {
        return replay(conversationId, event -> event.getSequenceNumber() <= sequence)
                .filter(state -> state.sequence() == sequence);
    }

    /** After the last event at or before this instant; empty when the stream had no event yet. */
    public Optional<PastState> at(String conversationId, Instant instant) {
        return replay(conversationId, event -> !event.getTimestamp().isAfter(instant));
    }

    /** After the stream's last event. */
    public Optional<PastState> latest(String conversationId) {
        return replay(conversationId, event -> true);
    }

    private Optional<PastState> replay(String conversationId, Predicate<DomainEventMessage<?>> included) {
        ConversationHistory history = new ConversationHistory();
        DomainEventMessage<?> last = null;
        DomainEventStream stream = events.readEvents(conversationId, 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.peek();
            if (!included.test(event)) {
                break;
            }
            history.apply(stream.next());
            last = event;
        }
        if (last == null) {
            return Optional.empty();
        }
        long sequence = last.getSequenceNumber();
        Instant timestamp = last.getTimestamp();
        return Optional.of(history.state()
                .map(state -> new PastState(sequence, timestamp, true, ConversationJson.of(state.conversation()),
                        state.messages().stream().map(MessageJson::of).toList()))
                .orElseGet(() -> new PastState(sequence, timestamp, false, null, List.of())));
    }
}
