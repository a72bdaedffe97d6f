package dev.ledgerline.bootstrap.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: real PostgreSQL binaries (from a Maven artifact) running on a data directory that survives
 * restarts, with fsync on. One running instance per data directory, guarded by a file lock.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "ledgerline";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean fsync) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setDataDirectoryCustomizer(dir -> stopOrphanedPostmaster(dir.toPath()))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL on {} with data in {} (psql -h localhost -p {} -U postgres {})",
                    server.jdbcUrl(), directory, postgres.getPort(), postgres.getPort(), DATABASE);
            return server;
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new DatabaseUnavailableException("The data directory " + directory
                        + " is in use by another running Ledgerline instance. Stop it, or point this one at another "
                        + "directory with LEDGERLINE_DATA_DIR.", e);
            }
            throw new DatabaseUnavailableException("Embedded PostgreSQL failed to start in " + directory + ": "
                    + e.getMessage(), e);
        } catch (IOException | SQLException e) {
            throw new DatabaseUnavailableException("Embedded PostgreSQL failed to start in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * We hold the directory's lock, so any postmaster still running on it was left behind by a process that died
     * without stopping it. Stop it so that a fresh one can start on the same files.
     */
    private static void stopOrphanedPostmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (orphan.isPresent()) {
                log.warn("Stopping PostgreSQL (pid {}) left running on {} by an instance that did not shut down",
                        pid, directory);
                orphan.get().destroy();
                orphan.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("Could not inspect {}: {}", pidFile, e.toString());
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
