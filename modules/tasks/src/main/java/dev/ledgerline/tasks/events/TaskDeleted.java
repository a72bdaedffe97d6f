package dev.ledgerline.tasks.events;

import org.axonframework.serialization.Revision;

/** The task was deleted; it accepts no further command. */
@Revision("1")
public record TaskDeleted(TaskId taskId) {
}
