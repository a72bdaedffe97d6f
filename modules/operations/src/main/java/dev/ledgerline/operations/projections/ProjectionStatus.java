package dev.ledgerline.operations.projections;

/**
 * One projection as ops see it. {@code position} is the lowest global index all its segments have processed,
 * {@code head} the newest in the store, {@code lag} the difference; {@code throughput} counts positions advanced per
 * second over the last minute. {@code rebuild} is the active (or else the latest) rebuild, if any.
 */
record ProjectionStatus(String name, String processingGroup, String state, long position, long head, long lag,
                        double throughput, long deadLetters, int version, Integer storedVersion,
                        RebuildView rebuild) {
}
