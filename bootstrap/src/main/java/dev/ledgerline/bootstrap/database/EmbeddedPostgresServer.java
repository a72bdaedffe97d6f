package dev.ledgerline.bootstrap.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final FileChannel lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, FileChannel lock) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.lock = lock;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean fsync) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve("postgres");
        FileChannel lock = lockDataDirectory(dataDir.toAbsolutePath().normalize());
        EmbeddedPostgres postgres = null;
        try {
            Files.createDirectories(directory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setDataDirectoryCustomizer(dir -> stopOrphanedPostmaster(dir.toPath()))
                    // the library's own JVM shutdown hook would stop PostgreSQL at once, alongside Spring's, while
                    // the event processors still commit: this server is stopped by close() instead, which Spring
                    // calls after the processors have stopped (a crash leaves an orphan that the next start stops)
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory, lock);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL on {} with data in {} (psql -h localhost -p {} -U postgres {})",
                    server.jdbcUrl(), directory, postgres.getPort(), postgres.getPort(), DATABASE);
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            if (postgres != null) {
                // started, then failed (creating the database): no shutdown hook would stop it
                try {
                    postgres.close();
                } catch (IOException | RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            closeQuietly(lock);
            throw new DatabaseUnavailableException("Embedded PostgreSQL failed to start in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** One instance per data directory: a second one must fail before it touches the cluster's files. */
    private static FileChannel lockDataDirectory(Path dataDir) {
        Path lockFile = dataDir.resolve("ledgerline.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM: still another instance
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseUnavailableException("Cannot lock the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new DatabaseUnavailableException("The data directory " + dataDir + " is in use by another running "
                + "Ledgerline instance. Stop it, or point this one at another directory with LEDGERLINE_DATA_DIR.",
                null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /**
     * We hold the directory's lock, so any postmaster still running on it was left behind by a process that died
     * without stopping it. Stop it so that a fresh one can start on the same files.
     */
    private static void stopOrphanedPostmaster(Path directory) {
        Optional<ProcessHandle> orphan = postmaster(directory);
        if (orphan.isPresent()) {
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by an instance that did not shut down",
                    orphan.get().pid(), directory);
            orphan.get().destroy();
            awaitExit(orphan.get(), Duration.ofSeconds(60));
        }
    }

    /** The postmaster running on this directory, if any (its pid file names it). */
    private static Optional<ProcessHandle> postmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (Exception e) {
            log.warn("Could not inspect {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("PostgreSQL (pid {}) did not exit within {}: {}", process.pid(), timeout, e.toString());
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

    /**
     * Stops PostgreSQL and only then releases the directory. The library's stop waits at most 5 s, less than a
     * shutdown checkpoint after heavy writing can take; the directory stays locked until the postmaster has exited.
     */
    @Override
    public void close() throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        try {
            postgres.close();
            postmaster.ifPresent(process -> awaitExit(process, Duration.ofSeconds(120)));
        } finally {
            closeQuietly(lock);
        }
    }
}
