package dev.ledgerline.bootstrap.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void data_written_before_a_restart_is_there_after_it() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            execute(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            assertThat(queryText(second, "SELECT note FROM kept")).isEqualTo("still here");
            assertThat(queryText(second, "SHOW fsync")).isEqualTo("on");
        }
    }

    @Test
    void a_second_instance_on_the_same_data_directory_fails_with_a_clear_message() throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, false))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("in use by another running Ledgerline instance");
            assertThat(queryText(running, "SELECT 'still serving'")).isEqualTo("still serving");
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void closing_the_server_returns_once_postgresql_has_exited() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, true);
        long pid = Long.parseLong(Files.readAllLines(server.dataDirectory().resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        server.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryText(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
