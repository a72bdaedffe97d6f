package dev.ledgerline.operations.projections;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

/**
 * A rebuild's processor together with the threads it runs on. Axon's processor does not own executors it was given:
 * {@link #close()} ends them, or every rebuild would leave its coordinator and worker threads behind.
 */
final class RebuildProcessor {

    private final PooledStreamingEventProcessor processor;
    private final List<ExecutorService> executors;

    RebuildProcessor(PooledStreamingEventProcessor processor, List<ExecutorService> executors) {
        this.processor = processor;
        this.executors = executors;
    }

    void start() {
        processor.start();
    }

    /** Stops processing; {@link #start()} resumes it. */
    void shutDown() {
        processor.shutDown();
    }

    Map<Integer, EventTrackerStatus> processingStatus() {
        return processor.processingStatus();
    }

    /** Stops processing for good and ends the processor's threads. */
    void close() {
        try {
            processor.shutDown();
        } finally {
            executors.forEach(ExecutorService::shutdownNow);
        }
    }
}
