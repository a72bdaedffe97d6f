package dev.ledgerline.operations.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A rebuild with its progress: the share of the store's events it has replayed, its average speed and the time it
 * should still take at that speed. In-place rebuilds say that queries see partial data meanwhile.
 */
record RebuildView(UUID id, String projection, String mode, String state, String reason, int targetVersion,
                   String node, Instant startedAt, Instant finishedAt, long position, long head,
                   double progressPercent, double eventsPerSecond, Long etaSeconds, String error, String note) {

    static final String IN_PLACE_NOTE = "In place: the live tables were emptied and are refilled; queries see partial"
            + " data until the rebuild completes.";

    static RebuildView of(RebuildRecord record, Instant now) {
        long head = record.head() == null ? record.headAtStart() : record.head();
        long position = record.position() == null ? -1 : record.position();
        boolean done = "completed".equals(record.state());
        double progress = done || head < 0 ? 100.0 : Math.min(100.0, Math.max(0, position + 1) * 100.0 / (head + 1));
        Instant end = record.finishedAt() == null ? now : record.finishedAt();
        double seconds = Math.max(0.001, Duration.between(record.startedAt(), end).toMillis() / 1000.0);
        double rate = Math.max(0, position + 1) / seconds;
        Long eta = done ? Long.valueOf(0) : rate <= 0 ? null : (long) Math.ceil(Math.max(0, head - position) / rate);
        return new RebuildView(record.id(), record.projection(), record.mode(), record.state(), record.reason(),
                record.targetVersion(), record.nodeId(), record.startedAt(), record.finishedAt(), position, head,
                Math.round(progress * 10) / 10.0, Math.round(rate * 10) / 10.0, eta, record.error(),
                RebuildRecord.IN_PLACE.equals(record.mode()) ? IN_PLACE_NOTE : null);
    }
}
