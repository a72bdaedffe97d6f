package dev.ledgerline.tasks.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskId;
import dev.ledgerline.tasks.queries.FindTask;
import dev.ledgerline.tasks.queries.TaskView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Waits, bounded, until the read table shows a write: the command answered the task's new version, and the row must
 * reach it. Polling the row (2 ms, doubling to 20 ms) holds on any node and under load, because it waits for the
 * row itself rather than for a signal from the processor that may run elsewhere.
 */
@Component
class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 20;

    private final QueryGateway queries;
    private final Duration timeout;

    ReadYourWrites(QueryGateway queries, @Value("${ledgerline.read-your-writes.timeout:5s}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    Optional<TaskView> find(UserId owner, TaskId id) {
        return queries.query(new FindTask(owner, id), ResponseTypes.optionalInstanceOf(TaskView.class)).join();
    }

    Optional<TaskView> awaitVersion(UserId owner, TaskId id, long version) {
        return await(id, () -> find(owner, id).filter(task -> task.version() >= version));
    }

    boolean awaitGone(UserId owner, TaskId id) {
        return await(id, () -> find(owner, id).isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty()).isPresent();
    }

    private <T> Optional<T> await(TaskId id, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result;
            }
            if (System.nanoTime() - deadline >= 0) {
                log.warn("The tasks read table did not show the write to task {} within {}", id, timeout);
                return Optional.empty();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }
}
