package dev.ledgerline.tasks.projection;

import java.time.Instant;

import dev.ledgerline.identity.events.UserDeleted;
import dev.ledgerline.tasks.events.TaskCompleted;
import dev.ledgerline.tasks.events.TaskCreated;
import dev.ledgerline.tasks.events.TaskDeleted;
import dev.ledgerline.tasks.events.TaskDescriptionChanged;
import dev.ledgerline.tasks.events.TaskReopened;
import dev.ledgerline.tasks.events.TaskTitleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code tasks} table. Every write is idempotent: a row changes only when the event is newer than the row's
 * version, so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(TaskProjection.NAME)
class TaskProjection {

    static final String NAME = "tasks-projection";

    private final TaskTable table;

    TaskProjection(TaskTable table) {
        this.table = table;
    }

    @EventHandler
    void on(TaskCreated event, @SequenceNumber long version, @Timestamp Instant at, ReplayStatus replay) {
        if (table.insert(event, version, at) || table.exists(event.taskId())) {
            return;
        }
        // The owner has no users row. Replaying, that means the user has been deleted since: the task goes with
        // them. Live, identity has not projected the user yet; fail, so the event is dead-lettered, not lost.
        if (!replay.isReplay()) {
            throw new IllegalStateException("Task " + event.taskId() + " belongs to user " + event.ownerId()
                    + ", who has no users row yet");
        }
    }

    @EventHandler
    void on(TaskTitleChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        table.changeTitle(event.taskId(), event.title(), version, at);
    }

    @EventHandler
    void on(TaskDescriptionChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        table.changeDescription(event.taskId(), event.description(), version, at);
    }

    @EventHandler
    void on(TaskCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        table.complete(event.taskId(), version, at);
    }

    @EventHandler
    void on(TaskReopened event, @SequenceNumber long version, @Timestamp Instant at) {
        table.reopen(event.taskId(), version, at);
    }

    @EventHandler
    void on(TaskDeleted event) {
        table.delete(event.taskId());
    }

    @EventHandler
    void on(UserDeleted event) {
        table.deleteAllOf(event.userId());
    }

    @ResetHandler
    void reset() {
        table.clear();
    }
}
