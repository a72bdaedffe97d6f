package dev.ledgerline.bootstrap.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventArrivalSignalTest {

    record Posted() {
    }

    record Registered() {
    }

    private final FakeStore store = new FakeStore();
    /** The watcher thread sleeps through the test: polls happen only when the test calls {@code poll()}. */
    private final EventArrivalSignal signal = new EventArrivalSignal(Duration.ofHours(1), store);

    @AfterEach
    void stop() {
        signal.destroy();
    }

    @Test
    void a_poll_wakes_only_the_processors_that_handle_what_arrived() {
        AtomicInteger skipsPosts = open(Posted.class);
        AtomicInteger handlesAll = open();

        store.head = 10;
        signal.poll();
        assertThat(skipsPosts).as("the first look wakes everyone").hasValue(1);
        assertThat(handlesAll).hasValue(1);

        store.head = 20;
        store.types = Set.of(Posted.class.getName());
        signal.poll();
        assertThat(skipsPosts).hasValue(1);
        assertThat(handlesAll).hasValue(2);
        assertThat(store.asked).containsExactly("(-1, 20]");

        store.head = 1500;
        store.types = Set.of(Posted.class.getName(), Registered.class.getName());
        signal.poll();
        assertThat(skipsPosts).hasValue(2);
        assertThat(handlesAll).hasValue(3);
        assertThat(store.asked).as("the look reaches back for late commits").endsWith("(-1, 1500]");

        store.head = 1600;
        signal.poll();
        assertThat(store.asked).endsWith("(500, 1600]");
        assertThat(skipsPosts).as("both types arrived again").hasValue(3);
        assertThat(handlesAll).hasValue(4);
    }

    @Test
    void when_the_head_stands_still_every_processor_is_woken_once_so_that_it_reaches_the_head() {
        AtomicInteger skipsPosts = open(Posted.class);
        store.head = 10;
        signal.poll();
        store.head = 11;
        store.types = Set.of(Posted.class.getName());
        signal.poll();
        assertThat(skipsPosts).hasValue(1);

        signal.poll();
        assertThat(skipsPosts).as("the store went quiet after a move it was not woken for").hasValue(2);
        signal.poll();
        assertThat(skipsPosts).as("nothing new since").hasValue(2);
    }

    @Test
    void every_few_moves_everyone_is_woken_so_that_skipping_processors_advance() {
        AtomicInteger skipsPosts = open(Posted.class);
        store.head = 0;
        signal.poll();
        store.types = Set.of(Posted.class.getName());
        for (int move = 1; move < EventArrivalSignal.SWEEP_EVERY; move++) {
            store.head = move;
            signal.poll();
        }
        assertThat(skipsPosts).hasValue(1);
        store.head = EventArrivalSignal.SWEEP_EVERY;
        signal.poll();
        assertThat(skipsPosts).hasValue(2);
    }

    @Test
    void a_local_commit_wakes_only_the_processors_that_handle_its_events() {
        AtomicInteger skipsPosts = open(Posted.class);
        AtomicInteger handlesAll = open();

        signal.eventsCommitted(List.of(GenericEventMessage.asEventMessage(new Posted())));
        assertThat(skipsPosts).hasValue(0);
        assertThat(handlesAll).hasValue(1);

        signal.eventsCommitted(List.of(GenericEventMessage.asEventMessage(new Posted()),
                GenericEventMessage.asEventMessage(new Registered())));
        assertThat(skipsPosts).hasValue(1);
        assertThat(handlesAll).hasValue(2);
    }

    @Test
    void a_stream_that_found_nothing_asks_the_database_again_only_once_woken() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = signal.source(store).openStream(null);
        AtomicInteger woken = new AtomicInteger();
        stream.setOnAvailableCallback(woken::incrementAndGet);

        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.peek()).isEmpty();
        assertThat(store.looks).as("nothing can have arrived since the first look").hasValue(1);

        store.available = true;
        signal.eventsCommitted(List.of(GenericEventMessage.asEventMessage(new Posted())));
        assertThat(woken).hasValue(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.peek()).isPresent();
        assertThat(store.looks).as("a look that found events always asks again").hasValue(3);

        store.available = false;
        assertThat(stream.hasNextAvailable()).isFalse();
        store.head = 5;
        signal.poll();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(store.looks).as("the watcher saw the store move").hasValue(5);
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(store.looks).as("a look that may wait always asks").hasValue(6);
    }

    @Test
    void a_stream_that_found_nothing_asks_again_after_a_while_for_late_commits_of_other_nodes()
            throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = signal.source(store).openStream(null);
        stream.setOnAvailableCallback(() -> { });
        assertThat(stream.hasNextAvailable()).isFalse();

        Thread.sleep(EventArrivalSignal.RECHECK_MILLIS + 50);
        store.available = true;

        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(store.looks).hasValue(2);
    }

    /** A processor's stream that has told it skips the given types; counts how often it was woken. */
    private AtomicInteger open(Class<?>... skipped) {
        BlockingStream<TrackedEventMessage<?>> stream = signal.source(store).openStream(null);
        for (Class<?> type : skipped) {
            Object payload = type == Posted.class ? new Posted() : new Registered();
            stream.skipMessagesWithPayloadTypeOf(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
                    GenericEventMessage.asEventMessage(payload)));
        }
        AtomicInteger woken = new AtomicInteger();
        stream.setOnAvailableCallback(woken::incrementAndGet);
        return woken;
    }

    private static final class FakeStore implements EventArrivalSignal.StoreActivity,
            StreamableMessageSource<TrackedEventMessage<?>> {
        long head = -1;
        Set<String> types = Set.of();
        /** What the stream's look at the database finds, and how many looks reached it. */
        volatile boolean available;
        final AtomicInteger looks = new AtomicInteger();
        final List<String> asked = new ArrayList<>();

        @Override
        public long head() {
            return head;
        }

        @Override
        public Set<String> payloadTypes(long after, long upTo) {
            asked.add("(" + after + ", " + upTo + "]");
            return types;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    looks.incrementAndGet();
                    return available ? Optional.of(new GenericTrackedEventMessage<>(
                            new GlobalSequenceTrackingToken(1), GenericEventMessage.asEventMessage(new Posted())))
                            : Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    looks.incrementAndGet();
                    return available;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    throw new IllegalStateException("no events");
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }

        @Override
        public TrackingToken createHeadToken() {
            return null;
        }

        @Override
        public TrackingToken createTokenAt(java.time.Instant dateTime) {
            return null;
        }
    }
}
