package dev.ledgerline.conversation.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.conversation.events.ConversationId;
import org.springframework.stereotype.Component;

/**
 * Tells a request waiting to read its own write that this node's projection has committed the conversation it waits
 * for. A commit that comes while the request waits wakes it; one that came before it is remembered (the last version
 * this node committed, for the {@value #REMEMBERED} conversations committed most recently), so that the request need
 * not read the row at all. A waiter registers before it looks at what is remembered, so a commit is either remembered
 * by then or wakes it. Commits made by another node never reach it, and it still finds them by reading the row.
 * <p>
 * A remembered version only ever says "the row stood at least at this version": rows only move forward, except when
 * the projection is reset (its tables emptied), and then everything remembered is forgotten.
 */
@Component
class ConversationCommits {

    /** A version no event reaches: the conversation's row was deleted. */
    static final long REMOVED = Long.MAX_VALUE;
    /** How many conversations' last committed versions are remembered. */
    static final int REMEMBERED = 10_000;

    private final Map<ConversationId, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final Map<ConversationId, Long> reached = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ConversationId, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    Waiter register(ConversationId id, long version) {
        Waiter waiter = new Waiter(id, version);
        waiters.compute(id, (key, waiting) -> {
            Set<Waiter> set = waiting == null ? ConcurrentHashMap.newKeySet() : waiting;
            set.add(waiter);
            return set;
        });
        return waiter;
    }

    /**
     * Whether this node's projection is remembered to have committed the conversation at (or past) the version. A
     * removal answers only a wait for the removal, as it does for a {@link Waiter}: a wait for a version must look.
     */
    boolean reached(ConversationId id, long version) {
        long committed;
        synchronized (reached) {
            committed = reached.getOrDefault(id, -1L);
        }
        return committed >= version && (committed != REMOVED || version == REMOVED);
    }

    /** After a commit of the projection: the rows of these conversations now stand at these versions. */
    void committed(Map<ConversationId, Long> versions) {
        synchronized (reached) {
            versions.forEach((id, version) -> reached.merge(id, version, Math::max));
        }
        versions.forEach((id, version) -> {
            Set<Waiter> waiting = waiters.get(id);
            if (waiting != null) {
                waiting.forEach(waiter -> waiter.reached(version, true));
            }
        });
    }

    /** After a commit that removed rows it cannot name (a user's conversations): every waiter looks again. */
    void committedAll() {
        forget();
        waiters.values().forEach(waiting -> waiting.forEach(waiter -> waiter.reached(REMOVED, false)));
    }

    /** The projection's rows are going, or went without being named: nothing remembered can be trusted. */
    void forget() {
        synchronized (reached) {
            reached.clear();
        }
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
