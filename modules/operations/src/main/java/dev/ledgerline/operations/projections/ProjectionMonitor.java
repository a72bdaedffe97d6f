package dev.ledgerline.operations.projections;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes each projection's status, samples positions every few seconds for the throughput over the last minute, and
 * publishes lag, position and dead letters as gauges ({@code ledgerline.projection.*}, tag {@code projection}).
 */
@Component
class ProjectionMonitor {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMonitor.class);
    private static final long WINDOW_MILLIS = 60_000;

    private record Sample(long at, long position) {
    }

    private final Projections projections;
    private final TokenTable tokens;
    private final EventStoreHead store;
    private final RebuildTable rebuilds;
    private final Rebuilder rebuilder;
    private final EventProcessingConfiguration processing;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, ProjectionStatus> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-monitor");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionMonitor(Projections projections, TokenTable tokens, EventStoreHead store, RebuildTable rebuilds,
                      Rebuilder rebuilder, EventProcessingConfiguration processing, MeterRegistry meters) {
        this.projections = projections;
        this.tokens = tokens;
        this.store = store;
        this.rebuilds = rebuilds;
        this.rebuilder = rebuilder;
        this.processing = processing;
        for (ProjectionDescriptor projection : projections.all()) {
            String name = projection.name();
            Gauge.builder("ledgerline.projection.lag", () -> gauge(name, ProjectionStatus::lag))
                    .tag("projection", name).description("Events between the projection's position and the head")
                    .baseUnit("events").register(meters);
            Gauge.builder("ledgerline.projection.position", () -> gauge(name, ProjectionStatus::position))
                    .tag("projection", name).description("Lowest global index all segments have processed")
                    .register(meters);
            Gauge.builder("ledgerline.projection.dead.letters", () -> gauge(name, ProjectionStatus::deadLetters))
                    .tag("projection", name).description("Events waiting in the dead-letter queue")
                    .baseUnit("events").register(meters);
            Gauge.builder("ledgerline.projection.error", () -> gauge(name, s -> "error".equals(s.state()) ? 1 : 0))
                    .tag("projection", name).description("1 while the projection is in error").register(meters);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSampling() {
        sampler.scheduleWithFixedDelay(this::sample, 0, 5, TimeUnit.SECONDS);
    }

    List<ProjectionStatus> statuses() {
        long head = store.head();
        return projections.all().stream().map(projection -> status(projection, head)).toList();
    }

    ProjectionStatus status(ProjectionDescriptor projection) {
        return status(projection, store.head());
    }

    private ProjectionStatus status(ProjectionDescriptor projection, long head) {
        PooledStreamingEventProcessor live = projections.liveProcessor(projection);
        Map<Integer, EventTrackerStatus> local = live.processingStatus();
        long position = rebuilder.position(projection.processingGroup(), local);
        Optional<RebuildRecord> active = rebuilds.active(projection.name());
        String state;
        if (active.isPresent()) {
            state = "rebuilding";
        } else if (live.isError() || local.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            state = "error";
        } else if (!live.isRunning()) {
            state = "paused";
        } else {
            state = "running";
        }
        RebuildView rebuild = active.or(() -> rebuilds.latest(projection.name()))
                .map(record -> RebuildView.of(record, Instant.now())).orElse(null);
        ProjectionStatus status = new ProjectionStatus(projection.name(), projection.processingGroup(), state,
                position, head, Math.max(0, head - position), throughput(projection.name(), position),
                deadLetters(projection), projection.version(), rebuilds.storedVersion(projection.name()).orElse(null),
                rebuild);
        latest.put(projection.name(), status);
        return status;
    }

    private long deadLetters(ProjectionDescriptor projection) {
        return processing.deadLetterQueue(projection.processingGroup()).map(queue -> queue.size()).orElse(0L);
    }

    private double throughput(String name, long position) {
        Deque<Sample> window = samples.get(name);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            Sample oldest = window.peekFirst();
            if (oldest == null) {
                return 0;
            }
            double seconds = (System.currentTimeMillis() - oldest.at()) / 1000.0;
            return seconds < 1 ? 0 : Math.round(Math.max(0, position - oldest.position()) / seconds * 10) / 10.0;
        }
    }

    private void sample() {
        try {
            long now = System.currentTimeMillis();
            for (ProjectionStatus status : statuses()) {
                Deque<Sample> window = samples.computeIfAbsent(status.name(), name -> new ArrayDeque<>());
                synchronized (window) {
                    window.addLast(new Sample(now, status.position()));
                    while (window.size() > 1 && now - window.peekFirst().at() > WINDOW_MILLIS) {
                        window.removeFirst();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not sample the projections' positions", e);
        }
    }

    private double gauge(String name, java.util.function.ToDoubleFunction<ProjectionStatus> value) {
        ProjectionStatus status = latest.get(name);
        return status == null ? Double.NaN : value.applyAsDouble(status);
    }

    @PreDestroy
    void stop() {
        sampler.shutdownNow();
    }
}
