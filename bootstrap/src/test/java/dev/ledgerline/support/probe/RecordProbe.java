package dev.ledgerline.support.probe;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Test-only command: proves a command travels through the gateway into the event store. */
public record RecordProbe(@TargetAggregateIdentifier String probeId, String note) {
}
