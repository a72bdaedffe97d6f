package dev.ledgerline.bootstrap.axon;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN when an event processor has stopped or a segment of it is failing; part of readiness. */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            String state = state(processor);
            healthy &= "running".equals(state);
            details.put(entry.getKey(), state);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static String state(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming) {
            boolean segmentFailing = streaming.processingStatus().values().stream()
                    .anyMatch(status -> status.isErrorState());
            if (streaming.isError() || segmentFailing) {
                return "error";
            }
        }
        return processor.isRunning() ? "running" : "stopped";
    }
}
