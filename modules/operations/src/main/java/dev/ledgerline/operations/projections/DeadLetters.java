package dev.ledgerline.operations.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** A projection's dead-letter queue: list, retry (a whole sequence, in order) and discard. */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    List<DeadLetterView> list(ProjectionDescriptor projection) {
        List<DeadLetterView> views = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(projection).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                views.add(view(letter));
            }
        }
        return views;
    }

    /** Retries the sequence holding the letter from its first letter on; true when all of it was handled. */
    boolean retry(ProjectionDescriptor projection, String id) {
        String sequence = jpa(find(projection, id)).getSequenceIdentifier();
        return processor(projection).process(letter -> sequence.equals(jpa(letter).getSequenceIdentifier()));
    }

    /** Retries every sequence once; returns how many were handled completely. */
    int retryAll(ProjectionDescriptor projection) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
        long sequences = queue(projection).amountOfSequences();
        int handled = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                handled++;
            }
        }
        return handled;
    }

    /** Removes the letter for good: its event is never applied; the next letter of its sequence becomes first. */
    void discard(ProjectionDescriptor projection, String id) {
        queue(projection).evict(find(projection, id));
    }

    private DeadLetter<? extends EventMessage<?>> find(ProjectionDescriptor projection, String id) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(projection).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (id.equals(jpa(letter).getId())) {
                    return letter;
                }
            }
        }
        throw new ErrorResponseException(HttpStatus.NOT_FOUND);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(ProjectionDescriptor projection) {
        return processing.deadLetterQueue(projection.processingGroup()).orElseThrow(
                () -> new IllegalStateException("Projection " + projection.name() + " has no dead-letter queue"));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(ProjectionDescriptor projection) {
        return processing.sequencedDeadLetterProcessor(projection.processingGroup()).orElseThrow(
                () -> new IllegalStateException("Projection " + projection.name() + " has no dead-letter queue"));
    }

    private static JpaDeadLetter<?> jpa(DeadLetter<?> letter) {
        return (JpaDeadLetter<?>) letter;
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        JpaDeadLetter<?> jpa = jpa(letter);
        EventMessage<?> event = letter.message();
        Optional<DomainEventMessage<?>> domain = event instanceof DomainEventMessage<?> d ? Optional.of(d)
                : Optional.empty();
        return new DeadLetterView(jpa.getId(), jpa.getSequenceIdentifier(), jpa.getIndex(), event.getIdentifier(),
                event.getPayloadType().getName(), domain.map(DomainEventMessage::getAggregateIdentifier).orElse(null),
                domain.map(DomainEventMessage::getSequenceNumber).orElse(null), event.getTimestamp(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null), letter.enqueuedAt(),
                letter.lastTouched());
    }
}
