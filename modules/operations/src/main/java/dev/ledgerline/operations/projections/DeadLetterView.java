package dev.ledgerline.operations.projections;

import java.time.Instant;

/**
 * One event a projection failed to handle: which sequence it stops (later events of the same sequence wait behind it,
 * other sequences go on), which event, why, and when.
 */
record DeadLetterView(String id, String sequence, long index, String eventId, String eventType,
                      String aggregateId, Long aggregateSequence, Instant eventTimestamp, String causeType,
                      String causeMessage, Instant enqueuedAt, Instant lastTouched) {
}
