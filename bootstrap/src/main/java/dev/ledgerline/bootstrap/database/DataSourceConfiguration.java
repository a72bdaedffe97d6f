package dev.ledgerline.bootstrap.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the database: the server named by DATABASE_URL, or the embedded one. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);
    /** Wrong password, unknown role, unknown database: waiting will not fix these. */
    private static final Set<String> FATAL_SQL_STATES = Set.of("28P01", "28000", "3D000");

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(DatabaseProperties properties) {
        if (properties.external()) {
            return new EmbeddedPostgresHolder(null);
        }
        return new EmbeddedPostgresHolder(EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedPort(),
                properties.embeddedFsync()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
        DatabaseUrl url = properties.external()
                ? DatabaseUrl.parse(properties.url(), properties.username(), properties.password())
                : new DatabaseUrl(embedded.server().jdbcUrl(), "postgres", null);
        awaitDatabase(url, properties.connectTimeout());
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledgerline");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.username());
        config.setPassword(url.password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        // a JDBC batch of inserts (the projections write one per unit of work) goes as multi-row INSERTs
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /**
     * Serverless PostgreSQL can take seconds to wake up: retry with a bounded backoff, then fail with a clear message.
     */
    static void awaitDatabase(DatabaseUrl url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration backoff = Duration.ofMillis(250);
        int attempt = 0;
        while (true) {
            attempt++;
            try (Connection ignored = connect(url)) {
                if (attempt > 1) {
                    log.info("Connected to {} after {} attempts", url.describe(), attempt);
                }
                return;
            } catch (SQLException e) {
                if (e.getSQLState() != null && FATAL_SQL_STATES.contains(e.getSQLState())) {
                    throw new DatabaseUnavailableException(
                            "PostgreSQL at " + url.describe() + " refused the connection: " + e.getMessage(), e);
                }
                if (System.nanoTime() + backoff.toNanos() > deadline) {
                    throw new DatabaseUnavailableException("PostgreSQL at " + url.describe() + " was not reachable "
                            + "within " + timeout.toSeconds() + " s (" + attempt + " attempts): " + e.getMessage(), e);
                }
                log.warn("PostgreSQL at {} not reachable yet ({}); retrying in {} ms", url.describe(), e.getMessage(),
                        backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties info = new Properties();
        if (url.username() != null) {
            info.setProperty("user", url.username());
        }
        if (url.password() != null) {
            info.setProperty("password", url.password());
        }
        info.setProperty("connectTimeout", "5");
        info.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url.jdbcUrl(), info);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    /** The embedded server when there is one; closed after the connection pool. */
    record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
