package dev.ledgerline.tasks.commands;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a task owned by {@code ownerId}; a new task is at version 0. */
public record CreateTask(@TargetAggregateIdentifier TaskId taskId, UserId ownerId, String title,
                         String description) {
}
