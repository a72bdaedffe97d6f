package dev.ledgerline.operations.projections;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.stereotype.Component;

/** Every projection that declared itself, and its live processor on this node. */
@Component("projectionCatalog")
class Projections {

    private final List<ProjectionDescriptor> descriptors;
    private final EventProcessingConfiguration processing;

    Projections(List<ProjectionDescriptor> descriptors, EventProcessingConfiguration processing) {
        this.descriptors = descriptors.stream().sorted(Comparator.comparing(ProjectionDescriptor::name)).toList();
        this.processing = processing;
        long distinct = descriptors.stream().map(ProjectionDescriptor::name).distinct().count();
        if (distinct != descriptors.size()) {
            throw new IllegalStateException("Two projections declare the same name: " + descriptors);
        }
    }

    List<ProjectionDescriptor> all() {
        return descriptors;
    }

    Optional<ProjectionDescriptor> find(String name) {
        return descriptors.stream().filter(descriptor -> descriptor.name().equals(name)).findFirst();
    }

    ProjectionDescriptor get(String name) {
        return find(name).orElseThrow(() -> new ProjectionNotFound(name));
    }

    /** The live processor of the projection on this node. */
    PooledStreamingEventProcessor liveProcessor(ProjectionDescriptor projection) {
        return processing.eventProcessorByProcessingGroup(projection.processingGroup(),
                        PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No pooled streaming processor for processing group "
                        + projection.processingGroup()));
    }
}
