package dev.ledgerline.tasks.queries;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskId;

/** One task of {@code ownerId}; answers an empty Optional of {@link TaskView} when the owner has no such task. */
public record FindTask(UserId ownerId, TaskId taskId) {
}
