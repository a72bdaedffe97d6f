package dev.ledgerline.tasks.queries;

import java.time.Instant;

import dev.ledgerline.tasks.events.TaskId;

/** A task as the read table shows it; {@code version} is the sequence number of its last event. */
public record TaskView(TaskId id, String title, String description, boolean completed, Instant completedAt,
                       Instant createdAt, Instant updatedAt, long version) {

    public TaskCursor position() {
        return new TaskCursor(createdAt, id);
    }
}
