package dev.ledgerline.operations.projections;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs rebuilds. Blue-green: a second processor replays every event into shadow tables while the live processor keeps
 * the live tables current; once the shadow has reached the head of the store, one transaction merges it into the live
 * tables and moves the live processor's tokens to the shadow's position. In-place: the live processor is reset (its
 * reset handler empties the tables) and replays. Only the node that inserted the rebuild's row runs it; another node
 * takes it over when that node stops renewing its heartbeat.
 */
@Component
class Rebuilder {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    /** The owner written into live tokens that another node holds at the switch: its in-flight batch must fail. */
    static final String SWITCH_FENCE = "ledgerline-rebuild-switch";
    private static final int SWITCH_ATTEMPTS = 10;

    private final Projections projections;
    private final RebuildTable rebuilds;
    private final TokenTable tokens;
    private final ShadowSchema shadow;
    private final RebuildProcessors processors;
    private final EventStoreHead store;
    private final NodeIdentity node;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Duration takeOverAfter;
    private final int batchSize;
    private final int segmentLimit;
    private final boolean commandLine;
    private final ExecutorService runners = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-janitor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, RebuildProcessor> running = new ConcurrentHashMap<>();
    /** Rebuilds this node runs now, of either mode: the janitor never starts a second runner for one of them. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private final ApplicationContext context;
    private volatile boolean stopping;

    Rebuilder(Projections projections, RebuildTable rebuilds, TokenTable tokens, ShadowSchema shadow,
              RebuildProcessors processors, EventStoreHead store, NodeIdentity node, TransactionTemplate transaction,
              JdbcTemplate jdbc,
              @Value("${ledgerline.operations.rebuild-take-over-after:30s}") Duration takeOverAfter,
              @Value("${ledgerline.operations.rebuild-batch-size:1000}") int batchSize,
              @Value("${ledgerline.operations.rebuild-segments:2}") int segmentLimit,
              @Value("${ledgerline.operations.command-line:false}") boolean commandLine,
              ApplicationContext context) {
        this.context = context;
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.tokens = tokens;
        this.shadow = shadow;
        this.processors = processors;
        this.store = store;
        this.node = node;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.takeOverAfter = takeOverAfter;
        this.batchSize = batchSize;
        this.segmentLimit = segmentLimit;
        this.commandLine = commandLine;
    }

    /** Starts a rebuild on this node; throws {@link RebuildAlreadyRunning} when one is active on any node. */
    RebuildRecord start(ProjectionDescriptor projection, String mode, String reason) {
        RebuildRecord record = rebuilds.start(projection.name(), mode, projection.version(), reason, node.id(),
                        store.head())
                .orElseThrow(() -> new RebuildAlreadyRunning(projection.name()));
        log.info("Rebuilding projection {} ({}, {}) as rebuild {}", projection.name(), mode, reason, record.id());
        runners.execute(() -> run(projection, record, false));
        return record;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchForOrphans() {
        if (commandLine) {
            return; // a command-line run exits soon: it must not adopt another node's rebuild
        }
        long period = Math.max(1, takeOverAfter.toMillis() / 3);
        janitor.scheduleWithFixedDelay(this::takeOverOrphans, period, period, TimeUnit.MILLISECONDS);
    }

    private void takeOverOrphans() {
        try {
            for (RebuildTable.TakeOver takeOver : rebuilds.takeOverStale(node.id(), takeOverAfter)) {
                RebuildRecord record = takeOver.rebuild();
                if (active.contains(record.id())) {
                    // this node runs it already (its heartbeat stopped while it waited for the database): one runner
                    continue;
                }
                ProjectionDescriptor projection = projections.find(record.projection()).orElse(null);
                if (projection == null) {
                    rebuilds.finish(record.id(), node.id(), "failed",
                            "No projection of that name on node " + node.id());
                    continue;
                }
                log.warn("Taking over rebuild {} of projection {}: its node {} stopped renewing its heartbeat",
                        record.id(), record.projection(), takeOver.previousNode());
                runners.execute(() -> run(projection, record, true));
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for orphaned rebuilds", e);
        }
    }

    private void run(ProjectionDescriptor projection, RebuildRecord record, boolean resumed) {
        if (!active.add(record.id())) {
            return;
        }
        try {
            if (RebuildRecord.IN_PLACE.equals(record.mode())) {
                runInPlace(projection, record, resumed);
            } else {
                runBlueGreen(projection, record, resumed);
            }
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            log.error("Rebuild {} of projection {} failed", record.id(), projection.name(), e);
            // only while it is still this node's: a node that lost the rebuild must not end another node's
            rebuilds.finish(record.id(), node.id(), "failed", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            RebuildProcessor processor = running.remove(record.id());
            if (processor != null) {
                processor.close();
            }
            active.remove(record.id());
        }
    }

    /**
     * Resets the live processor (its reset handler empties its tables) and waits until it has replayed up to the head
     * the store had when the rebuild started. Emptying a table that other projections' tables reference cascades into
     * those: they are rebuilt in place next, once this projection's rows are back.
     */
    private void runInPlace(ProjectionDescriptor projection, RebuildRecord record, boolean resumed)
            throws InterruptedException {
        List<ProjectionDescriptor> dependents = dependents(projection);
        if (!resumed) {
            reset(projection);
        }
        if (!replayed(projection, record, projection)) {
            return;
        }
        for (ProjectionDescriptor dependent : dependents) {
            reset(dependent);
            if (!replayed(projection, record, dependent)) {
                return;
            }
        }
        boolean finished = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!rebuilds.finish(record.id(), node.id(), "completed", null)) {
                return false;
            }
            rebuilds.storeVersion(projection.name(), record.targetVersion());
            return true;
        }));
        if (!finished) {
            log.warn("Rebuild {} of {} is no longer this node's; not marking it completed", record.id(),
                    projection.name());
            return;
        }
        log.info("Rebuild {} of projection {} (in place) completed", record.id(), projection.name());
    }

    private List<ProjectionDescriptor> dependents(ProjectionDescriptor projection) {
        List<String> referencing = shadow.referencingTables(projection);
        return projections.all().stream().filter(other -> !other.equals(projection))
                .filter(other -> other.tables().stream().anyMatch(referencing::contains)).toList();
    }

    private void reset(ProjectionDescriptor projection) {
        PooledStreamingEventProcessor live = projections.liveProcessor(projection);
        live.shutDown();
        try {
            live.resetTokens();
        } finally {
            live.start();
        }
    }

    /** Waits until the projection has replayed up to the rebuild's starting head; false when the rebuild was lost. */
    private boolean replayed(ProjectionDescriptor rebuilt, RebuildRecord record, ProjectionDescriptor projection)
            throws InterruptedException {
        PooledStreamingEventProcessor live = projections.liveProcessor(projection);
        while (!stopping) {
            long position = position(projection.processingGroup(), live.processingStatus());
            if (!rebuilds.progress(record.id(), node.id(), position, store.head(), null)) {
                log.warn("Rebuild {} of {} is no longer this node's", record.id(), rebuilt.name());
                return false;
            }
            if (position >= record.headAtStart()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void runBlueGreen(ProjectionDescriptor projection, RebuildRecord record, boolean resumed)
            throws InterruptedException {
        String rebuildName = RebuildProcessors.processorName(projection);
        PooledStreamingEventProcessor live = projections.liveProcessor(projection);
        if ((!resumed || !shadow.intact(projection)) && !prepare(projection, record, store.head())) {
            log.warn("Rebuild {} is no longer this node's; not preparing its shadow tables", record.id());
            return;
        }
        RebuildProcessor processor = processors.create(projection, live, batchSize);
        running.put(record.id(), processor);
        long started = System.nanoTime();
        processor.start();
        ShadowSegments segments = new ShadowSegments(tokens.read(rebuildName).size());
        int attempts = 0;
        boolean unreachable = false;
        while (!stopping) {
            long head;
            boolean switchNow;
            try {
                head = store.head();
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                long position = position(rebuildName, status);
                String error = status.values().stream().filter(EventTrackerStatus::isErrorState)
                        .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
                if (!rebuilds.progress(record.id(), node.id(), position, head, error)) {
                    log.warn("Rebuild {} is no longer this node's; stopping its processor", record.id());
                    return;
                }
                if (!shadow.intact(projection)) {
                    if (!startOver(projection, record, processor, head)) {
                        return;
                    }
                    attempts = 0;
                    segments = new ShadowSegments(tokens.read(rebuildName).size());
                    continue;
                }
                boolean caughtUp = error == null && status.size() == segments.count() && status.values().stream()
                        .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
                switchNow = caughtUp && liveOvertaken(projection, processor, segments, live);
                unreachable = false;
            } catch (DataAccessException | TransactionException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                // a crash of PostgreSQL cuts every pooled connection: wait until it answers again (the rebuild's
                // heartbeat stops meanwhile, so another node may take it over; then progress() says so)
                if (!unreachable) {
                    log.warn("Rebuild {} cannot reach the database; trying again every second", record.id(), e);
                }
                unreachable = true;
                Thread.sleep(1000);
                continue;
            }
            if (switchNow) {
                try {
                    processor.shutDown();
                } catch (RuntimeException e) {
                    live.start(); // liveOvertaken stopped it; switchOver would have started it again
                    throw e;
                }
                long switching = System.nanoTime();
                if (switchOver(projection, record, segments, live)) {
                    long switched = System.nanoTime();
                    running.remove(record.id()).close();
                    shadow.drop(projection);
                    log.info("Rebuild {} of projection {} (blue-green) switched over and completed: replayed up to"
                                    + " position {} in {} ms, switched in {} ms", record.id(), projection.name(), head,
                            (switching - started) / 1_000_000, (switched - switching) / 1_000_000);
                    return;
                }
                if (++attempts >= SWITCH_ATTEMPTS) {
                    throw new IllegalStateException("The switch-over failed " + attempts + " times; see the log");
                }
                processor.start();
            }
            Thread.sleep(200);
        }
    }

    /**
     * PostgreSQL empties unlogged tables when it recovers from a crash; if this node lived through it, the shadow
     * processor would go on (from its positions in memory, or from tokens whose batches the crash took) past the rows
     * it lost. So the shadow starts from the beginning again; false when the rebuild is no longer this node's.
     */
    private boolean startOver(ProjectionDescriptor projection, RebuildRecord record, RebuildProcessor processor,
                              long head) {
        log.warn("The shadow tables of rebuild {} of projection {} were emptied (PostgreSQL recovered from a crash or"
                + " an unclean shutdown); starting the rebuild over", record.id(), projection.name());
        processor.shutDown();
        if (!prepare(projection, record, head)) {
            log.warn("Rebuild {} is no longer this node's; not starting it over", record.id());
            return false;
        }
        processor.start();
        return true;
    }

    /**
     * Creates the shadow's tables (the marker among them) and sets its tokens to the start, in one transaction that
     * first renews this node's claim on the rebuild; false, with nothing changed, when the rebuild is no longer this
     * node's. While it runs, the claim's row lock keeps other nodes' janitors off the rebuild (they skip locked rows),
     * and the heartbeat is renewed once more as the last statement, so a slow transaction does not commit a stale one:
     * two nodes never both reset the shadow, and a failure anywhere leaves it as it was. The tables come before the
     * tokens, the order in which a shadow processor still running elsewhere (one that lost the rebuild without noticing
     * yet) writes them, so the two wait for each other instead of deadlocking.
     */
    private boolean prepare(ProjectionDescriptor projection, RebuildRecord record, long head) {
        String rebuildName = RebuildProcessors.processorName(projection);
        List<TokenTable.Row> liveTokens = tokens.read(projection.processingGroup());
        if (liveTokens.isEmpty()) {
            throw new IllegalStateException("Projection " + projection.name() + " has no tokens yet; start it first");
        }
        ShadowSegments segments = ShadowSegments.covering(
                liveTokens.stream().map(TokenTable.Row::segment).toList(), segmentLimit);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!rebuilds.progress(record.id(), node.id(), 0, head, null)) {
                return false;
            }
            shadow.create(projection); // joins this transaction
            tokens.delete(rebuildName);
            jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", rebuildName);
            for (int segment = 0; segment < segments.count(); segment++) {
                tokens.insert(rebuildName, segment, RebuildProcessors.initialToken());
            }
            rebuilds.renewHeartbeat(record.id());
            return true;
        }));
    }

    /**
     * One transaction: writers of the live tables wait, the live tokens are locked, the shadow rows replace the live
     * ones and the live tokens move to where the shadow is. Where the live processor had gone further than the shadow,
     * its token becomes a replay up to where it was: it applies those events again (idempotently) without running
     * side-effect handlers twice. A token another node holds is fenced, so that node's batch in flight fails to store
     * its token and rolls back; it resumes from the new token once the fence's claim times out.
     */
    private boolean switchOver(ProjectionDescriptor projection, RebuildRecord record, ShadowSegments segments,
                               PooledStreamingEventProcessor live) {
        String rebuildName = RebuildProcessors.processorName(projection);
        try {
            if (!rebuilds.state(record.id(), node.id(), "switching")) {
                throw new IllegalStateException("Rebuild " + record.id() + " is no longer this node's");
            }
            transaction.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL lock_timeout = '10s'");
                // the rebuild's row first, as prepare() takes it: a node that lost the rebuild does not switch, and
                // a switch and another node's prepare() wait for each other instead of deadlocking
                if (!rebuilds.state(record.id(), node.id(), "switching")) {
                    throw new IllegalStateException("Rebuild " + record.id() + " is no longer this node's");
                }
                shadow.lockLive(projection);
                List<TokenTable.Row> liveTokens = tokens.readForUpdate(projection.processingGroup());
                Map<Integer, TokenTable.Row> rebuilt = new java.util.HashMap<>();
                tokens.readForUpdate(rebuildName).forEach(row -> rebuilt.put(row.segment(), row));
                if (rebuilt.size() != segments.count()
                        || !segments.cover(liveTokens.stream().map(TokenTable.Row::segment).toList())) {
                    throw new IllegalStateException("The live processor's segments were merged during the rebuild"
                            + " below the rebuild's " + segments.count());
                }
                if (!shadow.intact(projection)) {
                    // checked under the same transaction as the merge: a crash after this aborts the merge too
                    throw new IllegalStateException("The shadow tables were emptied by a PostgreSQL crash");
                }
                shadow.mergeIntoLive(projection);
                for (TokenTable.Row row : liveTokens) {
                    TrackingToken token = switchedToken(row.token(),
                            rebuilt.get(segments.containing(row.segment())).token());
                    tokens.replace(projection.processingGroup(), row.segment(), token,
                            row.owner() == null ? null : SWITCH_FENCE);
                }
                tokens.delete(rebuildName);
                jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", projection.processingGroup());
                jdbc.update("UPDATE dead_letter_entry SET processing_group = ? WHERE processing_group = ?",
                        projection.processingGroup(), rebuildName);
                rebuilds.storeVersion(projection.name(), record.targetVersion());
                rebuilds.finish(record.id(), node.id(), "completed", null);
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Switch-over of projection {} failed; the shadow keeps following the store, trying again",
                    projection.name(), e);
            try {
                rebuilds.state(record.id(), node.id(), "running");
            } catch (RuntimeException unreachable) {
                // the next progress() finds the row or learns the rebuild is no longer this node's
                log.warn("Could not mark rebuild {} running again: {}", record.id(), unreachable.toString());
            }
            return false;
        } finally {
            live.start();
        }
    }

    /**
     * Stops the live processor on this node and gives the shadow up to a few seconds to reach its position in every
     * segment, so that the switch does not take the live tables back in time (a reader would miss rows it saw
     * before). False, with the live processor running again, when the shadow did not get there.
     */
    private boolean liveOvertaken(ProjectionDescriptor projection, RebuildProcessor shadowProcessor,
                                  ShadowSegments segments, PooledStreamingEventProcessor live)
            throws InterruptedException {
        live.shutDown();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                Map<Integer, EventTrackerStatus> shadowStatus = shadowProcessor.processingStatus();
                boolean ahead = tokens.read(projection.processingGroup()).stream().allMatch(row -> {
                    EventTrackerStatus status = shadowStatus.get(segments.containing(row.segment()));
                    return status != null && status.getCurrentPosition().orElse(-1) >= row.position();
                });
                if (ahead) {
                    return true;
                }
                Thread.sleep(20);
            }
        } catch (RuntimeException e) {
            // the tokens could not be read (the database went away): the live projection must not stay stopped
            live.start();
            throw e;
        }
        live.start();
        return false;
    }

    /**
     * Whether the failure is the connection itself: none could be had, or the server closed or lost it (SQLSTATE class
     * 08, or 57P01–57P03: shut down, crashed, not accepting connections yet). Other failures that Spring also calls
     * resource failures (out of disk or memory, a dropped database) are not retried: they end the rebuild as failed.
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || Set.of("57P01", "57P02", "57P03")
                    .contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static TrackingToken switchedToken(TrackingToken live, TrackingToken rebuilt) {
        TrackingToken shadowPosition = WrappedToken.unwrapLowerBound(rebuilt);
        if (shadowPosition == null) {
            return live;
        }
        // a live segment reset (in place) that has replayed nothing since has no position of its own yet
        TrackingToken liveReached = live == null ? null : WrappedToken.unwrapUpperBound(live);
        if (liveReached == null || shadowPosition.covers(liveReached)) {
            return shadowPosition;
        }
        return ReplayToken.createReplayToken(live, shadowPosition);
    }

    /** The lowest position over the processor's segments: this node's view where it has one, else the stored one. */
    long position(String processorName, Map<Integer, EventTrackerStatus> local) {
        long lowest = Long.MAX_VALUE;
        boolean any = false;
        for (TokenTable.Row row : tokens.read(processorName)) {
            long position = row.position();
            EventTrackerStatus status = local.get(row.segment());
            if (status != null) {
                position = Math.max(position, status.getCurrentPosition().orElse(-1));
            }
            lowest = Math.min(lowest, position);
            any = true;
        }
        return any ? lowest : -1;
    }

    /**
     * The context is closing: published before any lifecycle bean stops, so that no rebuild starts a live processor
     * again after Axon has stopped it ({@link #stop} runs only after that).
     */
    @EventListener
    void closing(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) { // not a child context's closing
            stopping = true;
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        janitor.shutdownNow();
        running.values().forEach(RebuildProcessor::close);
        runners.shutdownNow();
    }
}
