package dev.ledgerline.conversation.projection;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.conversation.events.ConversationId;
import org.springframework.stereotype.Component;

/**
 * Tells a request waiting to read its own write that this node's projection has just committed the conversation it
 * waits for, so that it reads the row at once instead of at its next poll. A waiter registers before it first reads
 * the row, so a commit is either visible to that read or wakes it; commits made by another node never reach it, and it
 * still finds them by polling.
 */
@Component
class ConversationCommits {

    /** A version no event reaches: the conversation's row was deleted. */
    static final long REMOVED = Long.MAX_VALUE;

    private final Map<ConversationId, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    Waiter register(ConversationId id, long version) {
        Waiter waiter = new Waiter(id, version);
        waiters.compute(id, (key, waiting) -> {
            Set<Waiter> set = waiting == null ? ConcurrentHashMap.newKeySet() : waiting;
            set.add(waiter);
            return set;
        });
        return waiter;
    }

    /** After a commit of the projection: the rows of these conversations now stand at these versions. */
    void committed(Map<ConversationId, Long> versions) {
        versions.forEach((id, version) -> {
            Set<Waiter> waiting = waiters.get(id);
            if (waiting != null) {
                waiting.forEach(waiter -> waiter.reached(version, true));
            }
        });
    }

    /** After a commit that removed rows it cannot name (a user's conversations): every waiter looks again. */
    void committedAll() {
        waiters.values().forEach(waiting -> waiting.forEach(waiter -> waiter.reached(REMOVED, false)));
    }

    final class Waiter implements AutoCloseable {
        private final ConversationId id;
        private final long version;
        private final Semaphore woken = new Semaphore(0);
        private volatile boolean confirmed;

        private Waiter(ConversationId id, long version) {
            this.id = id;
            this.version = version;
        }

        /**
         * {@code exact}: the commit named this conversation and its version (not "look again, rows went"). A removal
         * confirms only a waiter for the removal; one waiting for a version must look: the row is gone.
         */
        private void reached(long committed, boolean exact) {
            if (committed >= version) {
                confirmed |= exact && (committed != REMOVED || version == REMOVED);
                woken.release();
            }
        }

        /** Whether a commit of this node's projection has put the conversation at (or past) the version. */
        boolean confirmed() {
            return confirmed;
        }

        /** Waits at most this long for a commit that may have reached the version; true when one came. */
        boolean await(long millis) throws InterruptedException {
            return woken.tryAcquire(millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            waiters.computeIfPresent(id, (key, waiting) -> {
                waiting.remove(this);
                return waiting.isEmpty() ? null : waiting;
            });
        }
    }
}
