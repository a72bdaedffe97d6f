package dev.ledgerline.tasks.commands;

import dev.ledgerline.tasks.events.TaskId;

/** The command expected a version of the task that is no longer (or never was) the current one. */
public class TaskVersionMismatchException extends RuntimeException {

    public TaskVersionMismatchException(TaskId taskId, long expectedVersion, long currentVersion) {
        super("Task " + taskId + " is at version " + currentVersion + ", not " + expectedVersion);
    }
}
