package dev.ledgerline.audit.reads;

import java.util.List;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditReadsProjectionDescriptor {

    /** Bump with every migration that changes audit_reads: the next start rebuilds it. */
    static final int VERSION = 1;

    @Bean
    ProjectionDescriptor auditReadsDescriptor() {
        return new ProjectionDescriptor("audit-reads", AuditReadProjection.GROUP, VERSION, List.of("audit_reads"));
    }
}
