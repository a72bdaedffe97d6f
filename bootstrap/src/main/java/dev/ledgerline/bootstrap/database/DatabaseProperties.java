package dev.ledgerline.bootstrap.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. Without {@code url} the application runs its own embedded PostgreSQL in
 * {@code dataDir}; with it, the application uses that server.
 */
@ConfigurationProperties("ledgerline.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        Duration connectTimeout,
        int poolSize,
        Path dataDir,
        int embeddedPort,
        Boolean embeddedFsync) {

    public DatabaseProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(60) : connectTimeout;
        poolSize = poolSize <= 0 ? 20 : poolSize;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embeddedFsync = embeddedFsync == null || embeddedFsync;
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
