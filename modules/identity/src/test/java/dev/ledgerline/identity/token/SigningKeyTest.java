package dev.ledgerline.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void without_a_configured_secret_a_key_is_created_once_and_kept_for_the_next_start() throws Exception {
        byte[] first = SigningKey.resolve("", dataDir.resolve("nested"));
        byte[] second = SigningKey.resolve(null, dataDir.resolve("nested"));

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve("nested").resolve(SigningKey.FILE_NAME)))).isEqualTo("rw-------");
        assertThat(Files.list(dataDir.resolve("nested"))).hasSize(1);
    }

    @Test
    void a_configured_secret_is_used_as_it_is() {
        String secret = "a configured secret of more than 32 bytes";

        assertThat(SigningKey.resolve(secret, dataDir)).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(dataDir.resolve(SigningKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void a_configured_secret_shorter_than_256_bits_stops_the_start() {
        assertThatThrownBy(() -> SigningKey.resolve("too short", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEDGERLINE_JWT_SECRET");
    }
}
