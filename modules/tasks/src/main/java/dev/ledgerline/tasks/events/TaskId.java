package dev.ledgerline.tasks.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a task; its text form is the UUID. */
public record TaskId(UUID value) {

    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskId of(String value) {
        return new TaskId(UUID.fromString(value));
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
