package dev.ledgerline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.context.annotation.Bean;

/** A fresh embedded PostgreSQL data directory per test JVM, fsync off for speed; the test admin and token key. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    static final Path DATA_DIR = createDataDir();

    @Bean
    static DynamicPropertyRegistrar testDatabaseProperties() {
        return registry -> {
            registry.add("ledgerline.database.url", () -> "");
            registry.add("ledgerline.database.data-dir", DATA_DIR::toString);
            registry.add("ledgerline.database.embedded-fsync", () -> "false");
            registry.add("ledgerline.identity.jwt-secret", () -> TestUsers.JWT_SECRET);
            registry.add("ledgerline.identity.admin.username", () -> TestUsers.ADMIN_USERNAME);
            registry.add("ledgerline.identity.admin.email", () -> TestUsers.ADMIN_EMAIL);
            registry.add("ledgerline.identity.admin.password", () -> TestUsers.ADMIN_PASSWORD);
            registry.add("ledgerline.identity.session-snapshot-every", () -> "5");
        };
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("ledgerline-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
