package dev.ledgerline.tasks.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import dev.ledgerline.tasks.events.TaskId;
import dev.ledgerline.tasks.queries.TaskCursor;

/**
 * The opaque {@code cursor} of the list: base64url of the last task's creation time (epoch microseconds) and id. Only
 * the exact text this class produces is accepted, and only for times PostgreSQL can compare with.
 */
final class Cursors {

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Cursors() {
    }

    static String encode(TaskCursor cursor) {
        String plain = ChronoUnit.MICROS.between(Instant.EPOCH, cursor.createdAt()) + ":" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static TaskCursor decode(String cursor) {
        TaskCursor decoded;
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            long micros = Long.parseLong(plain.substring(0, colon));
            decoded = new TaskCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                    TaskId.of(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw TaskProblems.invalidCursor();
        }
        if (decoded.createdAt().isBefore(Instant.EPOCH) || decoded.createdAt().isAfter(LATEST)
                || !encode(decoded).equals(cursor)) {
            throw TaskProblems.invalidCursor();
        }
        return decoded;
    }
}
