package dev.ledgerline.operations.api;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The thread of a pooled streaming processor's coordinator: Java's single-thread scheduler with one delay shortened.
 * <p>
 * Axon 4.13's coordinator hands events to its work packages until one holds 1,024 queued events; then it looks again
 * after a fixed 100 ms, and nothing wakes it earlier (its own pending run holds the gate that an "events available"
 * signal would need). A worker handles those events in a few milliseconds, so a processor working through a backlog
 * (a rebuild, a catch-up after start) idled most of every 100 ms: it never passed about 1,024 events per 100 ms while
 * the machine stayed half idle. Here that one delay, exactly {@value #AXON_FULL_PACKAGES_MILLIS} ms, becomes
 * {@value #FULL_PACKAGES_RECHECK_MILLIS} ms; every other delay (claims, back-off after errors, idle polls) is Axon's.
 * Were Axon to change its constant, the delay would simply no longer match and stay as Axon chose.
 */
public final class CoordinatorScheduler extends ScheduledThreadPoolExecutor {

    /** The delay after which Axon's coordinator looks again at work packages that were full. */
    static final long AXON_FULL_PACKAGES_MILLIS = 100;
    /** How soon this scheduler has it look again: a check walks at most a few thousand queued entries. */
    static final long FULL_PACKAGES_RECHECK_MILLIS = 2;

    public CoordinatorScheduler(ThreadFactory threads) {
        super(1, threads);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, shortened(delay, unit), TimeUnit.NANOSECONDS);
    }

    private static long shortened(long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        return nanos == TimeUnit.MILLISECONDS.toNanos(AXON_FULL_PACKAGES_MILLIS)
                ? TimeUnit.MILLISECONDS.toNanos(FULL_PACKAGES_RECHECK_MILLIS)
                : nanos;
    }
}
