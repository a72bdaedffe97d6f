package dev.ledgerline.tasks.commands;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes the title and/or description; a null field stays as it is, an empty description removes it. The result is
 * the task's version afterwards. {@code expectedVersion} null means "whatever the current version is".
 */
public record ChangeTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy, String title,
                         String description, Long expectedVersion) {
}
