package dev.ledgerline.tasks.commands;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes the task; afterwards it accepts no command. The result is the task's version afterwards. */
public record DeleteTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy, Long expectedVersion) {
}
