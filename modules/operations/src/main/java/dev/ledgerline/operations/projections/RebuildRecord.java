package dev.ledgerline.operations.projections;

import java.time.Instant;
import java.util.UUID;

/** One row of projection_rebuilds. */
record RebuildRecord(UUID id, String projection, String mode, String state, int targetVersion, String reason,
                     String nodeId, Instant heartbeatAt, Instant startedAt, Instant finishedAt, long headAtStart,
                     Long position, Long head, String error) {

    static final String BLUE_GREEN = "blue-green";
    static final String IN_PLACE = "in-place";

    boolean active() {
        return "running".equals(state) || "switching".equals(state);
    }
}
