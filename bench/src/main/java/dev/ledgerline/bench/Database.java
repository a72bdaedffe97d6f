package dev.ledgerline.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;

/** The application's embedded database, reached directly for seeding, baselines and probes. */
final class Database {

    private final String url;

    Database(String url) {
        this.url = url;
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("ApplicationName", "ledgerline-bench");
        return DriverManager.getConnection(url, properties);
    }

    long head() throws SQLException {
        return queryLong("SELECT coalesce(max(global_index), -1) FROM domain_event_entry");
    }

    long eventCount() throws SQLException {
        return queryLong("SELECT count(*) FROM domain_event_entry");
    }

    long queryLong(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Waits until every live processor's stored token (token_entry; rebuild processors excluded) has reached the
     * newest event in the store at the time of the call. Returns the seconds it took.
     */
    double awaitProjectionsAtHead(Duration timeout) throws Exception {
        long start = System.nanoTime();
        long head = head();
        long deadline = start + timeout.toNanos();
        long lowest = -1;
        try (Connection connection = connect();
             PreparedStatement tokens = connection.prepareStatement(
                     "SELECT token FROM token_entry WHERE processor_name NOT LIKE '%@%'")) {
            while (System.nanoTime() < deadline) {
                lowest = Long.MAX_VALUE;
                int segments = 0;
                try (ResultSet rows = tokens.executeQuery()) {
                    while (rows.next()) {
                        segments++;
                        lowest = Math.min(lowest, position(rows.getBytes(1)));
                    }
                }
                if (segments > 0 && lowest >= head) {
                    return (System.nanoTime() - start) / 1e9;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the projections did not reach event " + head + " within " + timeout
                + " (lowest token at " + lowest + ")");
    }

    /** The global index a stored token has reached: a gap-aware token's index, or a replay token's current one. */
    static long position(byte[] token) throws IOException {
        if (token == null) {
            return -1;
        }
        return position(Api.JSON.readTree(token));
    }

    private static long position(JsonNode token) {
        if (token == null || token.isNull()) {
            return -1;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("currentToken")) {
            return position(token.get("currentToken"));
        }
        return -1;
    }
}
