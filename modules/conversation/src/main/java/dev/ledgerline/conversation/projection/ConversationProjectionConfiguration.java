package dev.ledgerline.conversation.projection;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projection handles up to {@code ledgerline.conversation.projection-batch-size} events per transaction: a
 * rebuild or a burst of messages commits (and moves its token) once per batch instead of once per event.
 */
@Configuration(proxyBeanMethods = false)
class ConversationProjectionConfiguration {

    @Bean
    ConfigurerModule conversationProjectionBatching(
            @Value("${ledgerline.conversation.projection-batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(ConversationProjection.PROCESSING_GROUP,
                        (config, builder) -> builder.batchSize(batchSize)));
    }
}
