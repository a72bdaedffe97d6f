package dev.ledgerline.operations.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.ledgerline.operations.api.CoordinatorScheduler;
import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The second processor a blue-green rebuild runs: the live processor's own handler objects and sequencing, its own
 * name and tokens, writing into the shadow schema. Its tokens start as a replay whose end lies beyond any event, so
 * every event it handles is a replay and {@code @DisallowReplay} handlers (side effects) never run in it. Events it
 * fails on go to its own dead-letter queue.
 */
@Component
class RebuildProcessors {

    /** A position no event store reaches: the rebuild never leaves replay mode. */
    static final TrackingToken NEVER_REACHED = new GapAwareTrackingToken(Long.MAX_VALUE, List.of());

    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final EntityManagerProvider entityManagerProvider;
    private final Serializer eventSerializer;
    private final Serializer genericSerializer;

    RebuildProcessors(@Qualifier("eventBus") EventStore eventStore, TokenStore tokenStore,
                      TransactionManager transactionManager, JdbcTemplate jdbc,
                      EntityManagerProvider entityManagerProvider,
                      @Qualifier("eventSerializer") Serializer eventSerializer, Serializer genericSerializer) {
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.entityManagerProvider = entityManagerProvider;
        this.eventSerializer = eventSerializer;
        this.genericSerializer = genericSerializer;
    }

    static String processorName(ProjectionDescriptor projection) {
        return projection.processingGroup() + "@rebuild";
    }

    static TrackingToken initialToken() {
        return ReplayToken.createReplayToken(NEVER_REACHED, null);
    }

    RebuildProcessor create(ProjectionDescriptor projection, PooledStreamingEventProcessor live, int batchSize) {
        String name = processorName(projection);
        List<EventMessageHandler> handlers = new ArrayList<>();
        List<SequencingPolicy<? super EventMessage<?>>> policies = new ArrayList<>();
        collect(live.eventHandlerInvoker(), handlers, policies);
        // a failing event goes to the rebuild's own dead-letter queue (processing group = the rebuild processor's
        // name); at the switch those letters replace the live group's: they are the failures of the new tables
        DeadLetteringEventHandlerInvoker.Builder invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .queue(JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(name)
                        .entityManagerProvider(entityManagerProvider)
                        .transactionManager(transactionManager)
                        .eventSerializer(eventSerializer)
                        .genericSerializer(genericSerializer)
                        .build())
                .transactionManager(transactionManager)
                // no query per event asking whether its sequence has dead letters (see AxonConfiguration)
                .enableSequenceIdentifierCache();
        if (!policies.isEmpty()) {
            invoker.sequencingPolicy(policies.get(0));
        }
        ScheduledExecutorService coordinator = new CoordinatorScheduler(daemon(name + "-coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, daemon(name + "-worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker.build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(new SearchPathTransactionManager(transactionManager, jdbc,
                        ShadowSchema.name(projection)))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialToken(source -> initialToken())
                .batchSize(batchSize)
                .claimExtensionThreshold(500)
                .build();
        return new RebuildProcessor(processor, List.of(coordinator, workers));
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> handlers,
                                List<SequencingPolicy<? super EventMessage<?>>> policies) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers, policies));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
            policies.add(simple.getSequencingPolicy());
        } else {
            throw new IllegalStateException("Cannot rebuild through " + invoker.getClass().getName());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
