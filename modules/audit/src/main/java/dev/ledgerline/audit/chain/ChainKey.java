package dev.ledgerline.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The audit chain's HMAC key: {@code LEDGERLINE_AUDIT_CHAIN_KEY} (base64, at least 32 bytes) or, on the embedded
 * default only, a key generated once and kept in the data directory. With an external database the key must be
 * configured: keeping it in that database would defeat its purpose.
 */
final class ChainKey {

    static final String FILE = "keys/audit-chain.key";

    private ChainKey() {
    }

    static byte[] resolve(String configured, boolean embeddedDatabase, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("LEDGERLINE_AUDIT_CHAIN_KEY is not valid base64", e);
            }
            if (key.length < 32) {
                throw new IllegalStateException("LEDGERLINE_AUDIT_CHAIN_KEY must decode to at least 32 bytes");
            }
            return key;
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("LEDGERLINE_AUDIT_CHAIN_KEY must be set when DATABASE_URL is used "
                    + "(generate one with: openssl rand -base64 32). The key must not live in the database it protects.");
        }
        return fromFile(dataDir.resolve(FILE));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temporary = Files.createTempFile(file.getParent(), "audit-chain", ".tmp");
            // owner-only before the key is written, so it is never readable by others even for a moment
            if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
            try {
                // a hard link appears atomically and never replaces a key another process created first
                Files.createLink(file, temporary);
                return key;
            } catch (FileAlreadyExistsException created) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit chain key " + file, e);
        }
    }
}
