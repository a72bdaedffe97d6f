package dev.ledgerline.support.probe;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Test-only aggregate for the foundation's end-to-end test. */
@Aggregate
public class ProbeAggregate {

    @AggregateIdentifier
    private String probeId;

    protected ProbeAggregate() {
    }

    @CommandHandler
    public ProbeAggregate(RecordProbe command) {
        apply(new ProbeRecorded(command.probeId(), command.note()));
    }

    @CommandHandler
    void handle(AmendProbe command) {
        apply(new ProbeRecorded(command.probeId(), command.note()));
    }

    @EventSourcingHandler
    void on(ProbeRecorded event) {
        this.probeId = event.probeId();
    }
}
