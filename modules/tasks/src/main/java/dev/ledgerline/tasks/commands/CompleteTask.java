package dev.ledgerline.tasks.commands;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks the task done; completing a completed task changes nothing. The result is the task's version afterwards. */
public record CompleteTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy, Long expectedVersion) {
}
