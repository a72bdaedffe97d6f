package dev.ledgerline.bootstrap.axon;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Wakes pooled streaming processors the moment new events become readable. Axon 4.13's embedded event store gives
 * its streams no availability callback, so an idle pooled processor looks for new events only every 500 ms and a
 * client waiting to read its own write waited 250 ms on average. One watcher stream tails the store (an in-memory
 * cache fed by the store's producer, which every local commit wakes) and calls back every processor stream opened
 * through {@link #source}; their coordinators then pick the events up at once.
 */
public final class EventArrivalSignal implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventArrivalSignal.class);

    private final Map<Object, Runnable> callbacks = new ConcurrentHashMap<>();
    private volatile StreamableMessageSource<TrackedEventMessage<?>> store;
    private volatile Thread watcher;
    private volatile boolean stopped;

    /** The event store, seen through streams that support availability callbacks. */
    public StreamableMessageSource<TrackedEventMessage<?>> source(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
        return new Source(store);
    }

    private void register(Object stream, Runnable callback) {
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
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
                while (!stopped) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable();
                        }
                        callbacks.values().forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!stopped) {
                    log.warn("Event arrival watcher failed; processors fall back to polling until it restarts", e);
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private final class SignalledStream implements TrackingEventStream {
        private final BlockingStream<TrackedEventMessage<?>> delegate;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
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
