package dev.ledgerline.tasks.events;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.serialization.Revision;

/** A user created a task; {@code description} is null when none was given. */
@Revision("1")
public record TaskCreated(TaskId taskId, UserId ownerId, String title, String description) {
}
