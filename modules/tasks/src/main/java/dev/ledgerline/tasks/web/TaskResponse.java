package dev.ledgerline.tasks.web;

import java.time.Instant;
import java.util.UUID;

import dev.ledgerline.tasks.queries.TaskView;

record TaskResponse(UUID id, String title, String description, boolean completed, Instant completedAt,
                    Instant createdAt, Instant updatedAt, long version) {

    static TaskResponse of(TaskView task) {
        return new TaskResponse(task.id().value(), task.title(), task.description(), task.completed(),
                task.completedAt(), task.createdAt(), task.updatedAt(), task.version());
    }
}
