package dev.ledgerline.bootstrap.axon;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, with two changes.
 * <p>
 * <b>No shared event cache</b> ({@code optimizeEventConsumption(false)}). With the cache on, every processor near the
 * head reads from one linked list of cached events that a producer thread keeps filling for the fastest reader; a
 * processor that stops reading (its work package is full, or it handles one event per transaction) still points at
 * its old node, so the whole list from there to the head stays reachable. A burst of 100,000 events of 4 KB killed a
 * node with a 512 MB heap this way (Axon issue #2954 describes the same leak). Without it each processor reads its own
 * bounded stream from the database: at most one fetch batch plus 1,024 buffered events per work package.
 * <p>
 * <b>Commits wake the processors.</b> After every local append commits, {@link EventArrivalSignal} calls back the
 * coordinators of the processors that handle those events, which then read their streams at once instead of on
 * their next poll.
 */
final class SignallingEventStore extends EmbeddedEventStore {

    private final EventArrivalSignal arrivals;

    SignallingEventStore(Builder builder, EventArrivalSignal arrivals) {
        super(builder.optimizeEventConsumption(false));
        this.arrivals = arrivals;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        arrivals.eventsCommitted(events);
    }
}
