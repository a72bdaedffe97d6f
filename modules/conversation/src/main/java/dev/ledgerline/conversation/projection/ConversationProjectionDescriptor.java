package dev.ledgerline.conversation.projection;

import java.util.List;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConversationProjectionDescriptor {

    /** Bump with every migration that changes conversations or messages: the next start rebuilds them. */
    static final int VERSION = 1;

    @Bean
    ProjectionDescriptor conversationDescriptor() {
        return new ProjectionDescriptor("conversation", ConversationProjection.PROCESSING_GROUP, VERSION,
                List.of("conversations", "messages"));
    }
}
