package dev.ledgerline.bootstrap.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database failure at start into a short, actionable message instead of a stack trace. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Check DATABASE_URL / DATABASE_USERNAME / DATABASE_PASSWORD, or unset DATABASE_URL to run on the "
                        + "embedded PostgreSQL in LEDGERLINE_DATA_DIR (one running instance per data directory).",
                cause);
    }
}
