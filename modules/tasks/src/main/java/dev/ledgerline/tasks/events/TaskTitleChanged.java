package dev.ledgerline.tasks.events;

import org.axonframework.serialization.Revision;

/** The task's title was changed to {@code title}. */
@Revision("1")
public record TaskTitleChanged(TaskId taskId, String title) {
}
