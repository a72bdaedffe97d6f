package dev.ledgerline.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on stderr, so that stdout holds only the final table. */
final class Log {

    private Log() {
    }

    static void info(String format, Object... args) {
        System.err.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
        System.err.flush();
    }
}
