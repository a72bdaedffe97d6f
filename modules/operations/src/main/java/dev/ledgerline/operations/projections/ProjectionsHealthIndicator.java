package dev.ledgerline.operations.projections;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each projection's state, lag and dead letters; DOWN (and so not ready) while a projection is in error. Dead letters
 * alone do not take the node out of service: a poison event stops only its own sequence.
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionMonitor monitor;

    ProjectionsHealthIndicator(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProjectionStatus status : monitor.statuses()) {
            healthy &= !"error".equals(status.state());
            details.put(status.name(), Map.of("state", status.state(), "lag", status.lag(),
                    "deadLetters", status.deadLetters()));
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
