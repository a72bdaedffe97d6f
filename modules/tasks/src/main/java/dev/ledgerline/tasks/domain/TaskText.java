package dev.ledgerline.tasks.domain;

import dev.ledgerline.tasks.commands.InvalidTaskException;

/**
 * The rules for a task's text. Lengths count characters (Unicode code points), as PostgreSQL's varchar does. Control
 * characters and broken surrogate pairs are refused (line breaks and tabs are fine in a description): PostgreSQL cannot store NUL in text.
 */
final class TaskText {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 1000;

    private TaskText() {
    }

    /** The title without surrounding whitespace: 1 to 200 characters. */
    static String title(String title) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty()) {
            throw new InvalidTaskException("title", "must not be blank");
        }
        if (length(stripped) > MAX_TITLE) {
            throw new InvalidTaskException("title", "must be at most " + MAX_TITLE + " characters");
        }
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || unpaired(c))) {
            throw new InvalidTaskException("title", "must not contain control characters");
        }
        return stripped;
    }

    /** Up to 1000 characters, kept as written; a blank description means none (null). */
    static String description(String description) {
        if (description == null) {
            return null;
        }
        if (length(description) > MAX_DESCRIPTION) {
            throw new InvalidTaskException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (description.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
                || unpaired(c))) {
            throw new InvalidTaskException("description", "must not contain control characters other than line "
                    + "breaks and tabs");
        }
        return description.isBlank() ? null : description;
    }

    /** A surrogate code point is half of a character that the client's JSON broke; it cannot be stored as UTF-8. */
    private static boolean unpaired(int codePoint) {
        return Character.getType(codePoint) == Character.SURROGATE;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
