package dev.ledgerline.tasks.commands;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a completed task again; reopening an open task changes nothing. The result is the task's version afterwards. */
public record ReopenTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy, Long expectedVersion) {
}
