package dev.ledgerline.identity.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs access tokens: the configured secret (at least 32 bytes), or else a random 256-bit key created
 * once in the data directory so that a restart keeps tokens valid.
 */
public final class SigningKey {

    static final String FILE_NAME = "jwt-signing-key";
    private static final int MIN_BYTES = 32;

    private SigningKey() {
    }

    public static byte[] resolve(String configuredSecret, Path dataDir) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            byte[] key = configuredSecret.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException("LEDGERLINE_JWT_SECRET must be at least " + MIN_BYTES + " bytes long");
            }
            return key;
        }
        return persisted(dataDir.resolve(FILE_NAME));
    }

    private static byte[] persisted(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException(file + " holds a key shorter than " + MIN_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            // a hard link appears atomically and never replaces a key another process created first
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            // lost the race
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
