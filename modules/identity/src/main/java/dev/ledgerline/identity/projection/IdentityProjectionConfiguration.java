package dev.ledgerline.identity.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityProjectionConfiguration {

    /** One sequence for all identity events: the read tables' unique keys and foreign key depend on their order. */
    @Bean
    ConfigurerModule identityProjectionSequencing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSequencingPolicy(IdentityProjection.NAME, config -> new SequentialPolicy()));
    }
}
