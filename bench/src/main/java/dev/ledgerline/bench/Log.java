package dev.ledgerline.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stderr, so that stdout holds only the final table. */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    static void info(String format, Object... args) {
        System.err.println("[" + TIME.format(LocalTime.now()) + "] " + String.format(format, args));
        System.err.flush();
    }
}
