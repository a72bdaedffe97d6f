package dev.ledgerline.tasks.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import java.util.Objects;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.commands.ChangeTask;
import dev.ledgerline.tasks.commands.CompleteTask;
import dev.ledgerline.tasks.commands.CreateTask;
import dev.ledgerline.tasks.commands.DeleteTask;
import dev.ledgerline.tasks.commands.ReopenTask;
import dev.ledgerline.tasks.commands.TaskNotFoundException;
import dev.ledgerline.tasks.commands.TaskVersionMismatchException;
import dev.ledgerline.tasks.events.TaskCompleted;
import dev.ledgerline.tasks.events.TaskCreated;
import dev.ledgerline.tasks.events.TaskDeleted;
import dev.ledgerline.tasks.events.TaskDescriptionChanged;
import dev.ledgerline.tasks.events.TaskId;
import dev.ledgerline.tasks.events.TaskReopened;
import dev.ledgerline.tasks.events.TaskTitleChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's task. Command handlers return the task's version afterwards (the sequence number of its last event), so
 * the caller can wait for the read table to reach it.
 */
@Aggregate
class Task {

    @AggregateIdentifier
    private TaskId id;
    private UserId owner;
    private String title;
    private String description;
    private boolean completed;

    Task() {
    }

    @CommandHandler
    Task(CreateTask command) {
        apply(new TaskCreated(command.taskId(), command.ownerId(), TaskText.title(command.title()),
                TaskText.description(command.description())));
    }

    @CommandHandler
    long handle(ChangeTask command) {
        ensureActionable(command.requestedBy(), command.expectedVersion());
        String newTitle = command.title() == null ? title : TaskText.title(command.title());
        String newDescription = command.description() == null ? description
                : TaskText.description(command.description());
        if (!newTitle.equals(title)) {
            apply(new TaskTitleChanged(id, newTitle));
        }
        if (!Objects.equals(newDescription, description)) {
            apply(new TaskDescriptionChanged(id, newDescription));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(CompleteTask command) {
        ensureActionable(command.requestedBy(), command.expectedVersion());
        if (!completed) {
            apply(new TaskCompleted(id));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(ReopenTask command) {
        ensureActionable(command.requestedBy(), command.expectedVersion());
        if (completed) {
            apply(new TaskReopened(id));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(DeleteTask command) {
        ensureActionable(command.requestedBy(), command.expectedVersion());
        apply(new TaskDeleted(id));
        return getVersion();
    }

    /** Someone else's task is answered exactly like a missing one; then the caller's precondition is checked. */
    private void ensureActionable(UserId requestedBy, Long expectedVersion) {
        if (owner == null || !owner.equals(requestedBy)) {
            throw new TaskNotFoundException(id);
        }
        long version = getVersion();
        if (expectedVersion != null && expectedVersion != version) {
            throw new TaskVersionMismatchException(id, expectedVersion, version);
        }
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        id = event.taskId();
        owner = event.ownerId();
        title = event.title();
        description = event.description();
    }

    @EventSourcingHandler
    void on(TaskTitleChanged event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(TaskDescriptionChanged event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        completed = true;
    }

    @EventSourcingHandler
    void on(TaskReopened event) {
        completed = false;
    }

    @EventSourcingHandler
    void on(TaskDeleted event) {
        markDeleted();
    }
}
