package dev.ledgerline.conversation.queries;

/**
 * Which messages to read: sequences strictly between {@code after} and {@code before} (either may be null), at most
 * {@code limit}, ascending or descending.
 */
public record MessageRange(Long after, Long before, int limit, boolean descending) {
}
