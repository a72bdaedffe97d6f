package dev.ledgerline.support.probe;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Test-only command: appends one more event to an existing probe stream. */
public record AmendProbe(@TargetAggregateIdentifier String probeId, String note) {
}
