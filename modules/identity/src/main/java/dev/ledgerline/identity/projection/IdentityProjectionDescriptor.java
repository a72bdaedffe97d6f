package dev.ledgerline.identity.projection;

import java.util.List;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityProjectionDescriptor {

    /** Bump with every migration that changes users or auth_sessions: the next start rebuilds them. */
    static final int VERSION = 1;

    @Bean
    ProjectionDescriptor identityDescriptor() {
        return new ProjectionDescriptor("identity", IdentityProjection.NAME, VERSION, List.of("users", "auth_sessions"));
    }
}
