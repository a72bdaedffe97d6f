package dev.ledgerline.tasks.events;

import org.axonframework.serialization.Revision;

/** An open task was marked done; the event's timestamp is the completion time. */
@Revision("1")
public record TaskCompleted(TaskId taskId) {
}
