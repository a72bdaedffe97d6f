package dev.ledgerline.tasks.events;

import org.axonframework.serialization.Revision;

/** The task's description was changed to {@code description}; null means it was removed. */
@Revision("1")
public record TaskDescriptionChanged(TaskId taskId, String description) {
}
