package dev.ledgerline.bootstrap.axon;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ledgerline.bootstrap.web.RequestCorrelation;
import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How Axon runs here: Jackson for every serialized message and token, pooled streaming processors with a JPA
 * dead-letter queue for every processing group, and request metadata on every command and event.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** The mapper Axon's Jackson serializer uses (Axon looks this bean up by name). */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a node still on the previous release must be able to read events written by the next one
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Replaces Axon's default {@code MessageOriginProvider}, which would overwrite the request's correlation id with
     * the command's message id: the request metadata is copied from the command to its events unchanged, and the
     * message that caused an event is recorded as {@code causationId}.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return message -> java.util.Map.of(MessageMetadata.CAUSATION_ID, message.getIdentifier());
    }

    @Bean
    CorrelationDataProvider requestOriginProvider() {
        return new SimpleCorrelationDataProvider(MessageMetadata.CORRELATION_ID, MessageMetadata.ACTOR,
                MessageMetadata.CLIENT_ADDRESS);
    }

    /** Every aggregate's command target resolver (Axon takes it from the context), see its class. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachingCommandTargetResolver();
    }

    @Bean
    EventArrivalSignal eventArrivalSignal(
            @Value("${ledgerline.processors.remote-poll-interval:250ms}") java.time.Duration remotePollInterval,
            JdbcTemplate jdbc) {
        return new EventArrivalSignal(remotePollInterval, new EventArrivalSignal.StoreActivity() {
            @Override
            public long head() {
                Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
                return head == null ? -1 : head;
            }

            @Override
            public java.util.Set<String> payloadTypes(long after, long upTo) {
                return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry"
                        + " WHERE global_index > ? AND global_index <= ?", String.class, after, upTo));
            }
        });
    }

    /** Axon's embedded event store (the bean Axon calls "eventBus"), see {@link SignallingEventStore}. */
    @Bean("eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  EventArrivalSignal arrivals) {
        return new SignallingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), arrivals);
    }

    /**
     * Runs after Axon's own configurer modules: Axon's auto-configured {@code deadLetterQueueProviderConfigurerModule}
     * (order 0, like every module by default) replaces the dead-letter queue provider with one that answers null for
     * every processing group not enabled by {@code axon.eventhandling.processors.*.dlq.enabled}, which silently turned
     * the dead-letter queue below off.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults(@Qualifier("eventSerializer") Serializer eventSerializer,
                                             Serializer genericSerializer, EventArrivalSignal arrivals,
                                             @Value("${ledgerline.processors.arrival-signal:true}") boolean signal,
                                             @Value("${ledgerline.processors.segments:1}") int segments,
                                             @Value("${ledgerline.processors.batch-size:100}") int batchSize,
                                             List<ProjectionDescriptor> projections) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing(processing -> processing
                        .usingPooledStreamingEventProcessors()
                        // segments: how many parts a processor's stream is split into (the unit of parallelism and
                        // of distribution between nodes; each is a claim renewed every 5 s, so Axon's default of 16
                        // per processor cost an idle node 16 token writes per second); batch: up to this many queued
                        // events are handled in one transaction (a single event is never held back to fill one)
                        .registerPooledStreamingEventProcessorConfiguration((config, builder) -> {
                            builder.initialSegmentCount(segments).batchSize(batchSize);
                            return signal ? builder.messageSource(arrivals.source(config.eventStore())) : builder;
                        })
                        // Axon's default (LoggingErrorHandler) logs a handler's exception and carries on: the event
                        // would be skipped, never dead-lettered. Propagating lets the dead-lettering invoker enqueue it.
                        .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                        .registerDeadLetterQueueProvider(processingGroup -> config -> JpaSequencedDeadLetterQueue
                                .builder()
                                .processingGroup(processingGroup)
                                .entityManagerProvider(config.getComponent(EntityManagerProvider.class))
                                .transactionManager(config.getComponent(TransactionManager.class))
                                .eventSerializer(eventSerializer)
                                .genericSerializer(genericSerializer)
                                .build())
                        .registerDefaultHandlerInterceptor(
                                (config, processorName) -> RequestCorrelation.eventInterceptor()));
                // Without the cache the dead-lettering invoker asks the database, for every single event, whether
                // its sequence already has dead letters. The cache remembers the sequences of this node's segments
                // that have none (only a segment's owner enqueues into its sequences, so it cannot go stale).
                configurer.eventProcessing(processing -> projections.forEach(projection -> processing
                        .registerDeadLetteringEventHandlerInvokerConfiguration(projection.processingGroup(),
                                (config, builder) -> builder.enableSequenceIdentifierCache())));
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    @Bean
    MetadataInterceptorRegistration requestMetadata(CommandBus commandBus, EventBus eventBus) {
        return new MetadataInterceptorRegistration(commandBus, eventBus);
    }

    static final class MetadataInterceptorRegistration {
        MetadataInterceptorRegistration(CommandBus commandBus, EventBus eventBus) {
            commandBus.registerDispatchInterceptor(new RequestMetadataInterceptor<CommandMessage<?>>());
            eventBus.registerDispatchInterceptor(new RequestMetadataInterceptor<EventMessage<?>>());
        }
    }
}
