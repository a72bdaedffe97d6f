package dev.ledgerline.tasks.queries;

import java.util.Objects;

import dev.ledgerline.identity.events.UserId;

/**
 * A page of {@code ownerId}'s tasks, newest first, answered as a {@link TaskPage}. {@code completed} and {@code text}
 * (a case-insensitive substring of title or description) are optional filters; {@code after} is null for the first
 * page.
 */
public record FindTasks(UserId ownerId, Boolean completed, String text, int limit, TaskCursor after) {

    public static final int MAX_LIMIT = 100;

    public FindTasks {
        Objects.requireNonNull(ownerId, "ownerId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
