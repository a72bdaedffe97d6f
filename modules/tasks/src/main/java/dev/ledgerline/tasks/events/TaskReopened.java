package dev.ledgerline.tasks.events;

import org.axonframework.serialization.Revision;

/** A completed task was opened again. */
@Revision("1")
public record TaskReopened(TaskId taskId) {
}
