package dev.ledgerline.audit.chain;

import java.nio.file.Path;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The event store of the whole application is Axon's JPA engine with the audit chain written alongside. Defining it
 * switches Axon's own JPA event store auto-configuration off, so its entities are registered here.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class ChainConfiguration {

    private static final int FETCH_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    @Bean
    ChainHasher chainHasher(@Value("${ledgerline.audit.chain-key:}") String configuredKey,
                            @Value("${ledgerline.database.url:}") String databaseUrl,
                            @Value("${ledgerline.database.data-dir:./data}") Path dataDir) {
        ChainHasher hasher = new ChainHasher(ChainKey.resolve(configuredKey, databaseUrl.isBlank(), dataDir));
        log.info("Audit chain key fingerprint {}", hasher.keyId());
        return hasher;
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          PlatformTransactionManager platformTransactionManager,
                                          ChainHasher hasher) {
        JpaEventStorageEngine.Builder builder = JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                // Axon's engine uses this one only to read the stream of events (a processor's fetch, and the
                // look-up of gaps): each is a single SELECT, which needs no transaction of its own. Without one it
                // runs in autocommit, one round trip instead of three (BEGIN, SELECT, COMMIT), and a caller's
                // transaction, where there is one, is still joined. Appends and aggregate reads use the regular one.
                .transactionManager(new SpringTransactionManager(platformTransactionManager,
                        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_SUPPORTS)))
                // events per query when a processor reads the store (Axon's default is 100): a catching-up or
                // rebuilding projection makes five times fewer round trips; at most a few MB per query
                .batchSize(FETCH_SIZE);
        return new ChainedJpaEventStorageEngine(builder, entityManagerProvider, transactionManager,
                new ChainLinks(hasher));
    }
}
