package dev.ledgerline.support.probe;

import org.axonframework.serialization.Revision;

/** Test-only event recorded by {@link ProbeAggregate}. */
@Revision("1")
public record ProbeRecorded(String probeId, String note) {
}
