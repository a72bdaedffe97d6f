package dev.ledgerline.tasks.commands;

import dev.ledgerline.tasks.events.TaskId;

/** The task does not exist, was deleted, or belongs to someone else: callers cannot tell these apart. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(TaskId taskId) {
        super("No task " + taskId);
    }
}
