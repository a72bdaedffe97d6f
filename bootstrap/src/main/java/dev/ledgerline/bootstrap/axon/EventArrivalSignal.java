package dev.ledgerline.bootstrap.axon;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Wakes pooled streaming processors the moment new events become readable. Axon 4.13's embedded event store gives
 * its streams no availability callback, so an idle pooled processor would look for new events only every 500 ms and a
 * client waiting to read its own write waited 250 ms on average.
 * <p>
 * Two sources of news, neither of which holds events in memory: {@link #eventsCommitted}, called by
 * {@link SignallingEventStore} after every local append has committed, and a watcher that asks the store for its head
 * position every {@code remotePollInterval}, for events other nodes appended. (The earlier design tailed the store
 * through the embedded store's shared event cache; that cache is what let a burst of large events exhaust the heap,
 * see {@link SignallingEventStore}.) Every processor stream opened through {@link #source} registers its
 * coordinator's callback here; the coordinator then reads its own stream at once.
 * <p>
 * Both wake only the processors that may handle the new events: a processor tells its stream which payload types it
 * skips (Axon does so for types none of its handlers accepts). When the head moved, the watcher asks the store which
 * payload types arrived, looking {@value #GAP_LOOKBACK} positions further back for transactions that committed late
 * (gaps). Every processor is woken on every {@value #SWEEP_EVERY}th move of the head and as soon as the head stands
 * still, so that those that skip everything new still advance their positions (and a type the look-back missed is
 * read in the end). Waking every
 * processor on every move made the four that skip messages read and skip every message, four times a second: a tenth
 * of the CPU of a node taking 150 posts a second.
 */
public final class EventArrivalSignal implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventArrivalSignal.class);

    /** Positions before the last seen head that may still fill (transactions that committed late). */
    static final long GAP_LOOKBACK = 1000;
    /** Every so many polls with a moved head, every processor is woken. */
    static final int SWEEP_EVERY = 8;
    /** How long a stream that found nothing new answers so without asking the database, unless woken. */
    static final long RECHECK_MILLIS = 1000;

    private final Map<SignalledStream, Runnable> callbacks = new ConcurrentHashMap<>();
    private final Duration remotePollInterval;
    private final StoreActivity activity;
    private volatile Thread watcher;
    private volatile boolean stopped;
    private long seenHead = -1;
    private int unsweptMoves;

    /** What the watcher asks the event store. */
    public interface StoreActivity {
        /** The highest global index in the store, -1 when it is empty. */
        long head();

        /** The payload types of the events with a global index in {@code (after, upTo]}. */
        Set<String> payloadTypes(long after, long upTo);
    }

    public EventArrivalSignal(Duration remotePollInterval, StoreActivity activity) {
        this.remotePollInterval = remotePollInterval;
        this.activity = activity;
    }

    /** The event store, seen through streams that support availability callbacks. */
    public StreamableMessageSource<TrackedEventMessage<?>> source(StreamableMessageSource<TrackedEventMessage<?>> store) {
        return new Source(store);
    }

    /**
     * New events were committed on this node: every processor that may handle one of them reads its stream now. A
     * processor that has told its stream it skips every one of these payload types (Axon does so for types none of its
     * handlers accepts) is left to the head watcher, which wakes it within {@code remotePollInterval}: waking seven
     * processors on every commit made each of them query the store for events most of them ignore.
     */
    public void eventsCommitted(List<? extends EventMessage<?>> events) {
        Set<String> types = new HashSet<>();
        events.forEach(event -> types.add(event.getPayloadType().getName()));
        signalHandling(types);
    }

    private void signalHandling(Set<String> payloadTypes) {
        callbacks.forEach((stream, callback) -> {
            if (stream.handlesAnyOf(payloadTypes)) {
                stream.wake(callback);
            }
        });
    }

    private void signalAll() {
        callbacks.forEach(SignalledStream::wake);
    }

    /**
     * One look at the store: wakes the processors that handle what arrived since the last look. Every processor is
     * woken on the first look, on every {@value #SWEEP_EVERY}th move, and on the first look at which the head stood
     * still after moves not every processor was woken for: once the store goes quiet, every processor reaches its
     * head within two polls (a rebuild's switch waits for exactly that).
     */
    synchronized void poll() {
        long head = activity.head();
        if (head == seenHead) {
            if (unsweptMoves > 0) {
                unsweptMoves = 0;
                signalAll();
            }
            return;
        }
        if (seenHead < 0 || ++unsweptMoves >= SWEEP_EVERY) {
            unsweptMoves = 0;
            signalAll();
        } else {
            signalHandling(activity.payloadTypes(Math.max(-1, seenHead - GAP_LOOKBACK), head));
        }
        seenHead = head;
    }

    private void register(SignalledStream stream, Runnable callback) {
        callbacks.put(stream, callback);
        startWatching();
    }

    private synchronized void startWatching() {
        if (watcher != null || stopped) {
            return;
        }
        watcher = new Thread(this::watch, "event-arrival-signal");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        boolean failing = false;
        while (!stopped) {
            try {
                Thread.sleep(remotePollInterval.toMillis());
                poll();
                failing = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!stopped && !failing) {
                    log.warn("Cannot read the event store's head; processors fall back to polling every 5 s", e);
                }
                failing = true;
            }
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
    }

    private final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {
        private final StreamableMessageSource<TrackedEventMessage<?>> delegate;

        Source(StreamableMessageSource<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new SignalledStream(delegate.openStream(trackingToken));
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(java.time.Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }
    }

    /**
     * A processor's stream. Once a look at the database found nothing new, it answers "nothing" again without asking
     * the database until it is woken (a commit on this node, or the watcher seeing the store move) or
     * {@value #RECHECK_MILLIS} ms have passed, for a transaction of another node that committed late without moving
     * the head. Axon's coordinator looks several times per run (at the start, after the events it took, before it
     * waits): under 16 concurrent posters two of every three fetches of the conversation projection found nothing.
     * The wake is noted before the callback runs, and the note is taken before a look reaches the database, so a
     * commit is either seen by that look or makes the next one ask again.
     */
    private final class SignalledStream implements TrackingEventStream {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final Set<String> skippedTypes = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean woken = new AtomicBoolean(true);
        /** When a look found nothing (System.nanoTime()), or null while the last look found events. */
        private volatile Long foundNothingAt;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void wake(Runnable callback) {
            woken.set(true);
            callback.run();
        }

        /** Whether a look could find something the last empty one did not. */
        private boolean worthLooking() {
            Long emptyAt = foundNothingAt;
            return woken.getAndSet(false) || emptyAt == null
                    || System.nanoTime() - emptyAt > TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (!worthLooking()) {
                return Optional.empty();
            }
            long lookedAt = System.nanoTime();
            Optional<TrackedEventMessage<?>> next = delegate.peek();
            foundNothingAt = next.isPresent() ? null : lookedAt;
            return next;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout <= 0 && !worthLooking()) {
                return false;
            }
            long lookedAt = System.nanoTime();
            boolean available = delegate.hasNextAvailable(timeout, unit);
            foundNothingAt = available ? null : lookedAt;
            return available;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skippedTypes.add(ignoredMessage.getPayloadType().getName());
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        boolean handlesAnyOf(Set<String> payloadTypes) {
            for (String type : payloadTypes) {
                if (!skippedTypes.contains(type)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            register(this, callback);
            return true;
        }

        @Override
        public void close() {
            callbacks.remove(this);
            delegate.close();
        }
    }
}
