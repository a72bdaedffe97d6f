package dev.ledgerline.tasks.queries;

import java.time.Instant;
import java.util.Objects;

import dev.ledgerline.tasks.events.TaskId;

/** A position in a newest-first list of tasks: the next page starts after the task created at this moment. */
public record TaskCursor(Instant createdAt, TaskId id) {

    public TaskCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
