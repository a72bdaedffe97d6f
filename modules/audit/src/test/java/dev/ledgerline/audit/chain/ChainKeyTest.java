package dev.ledgerline.audit.chain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void the_embedded_default_generates_a_key_once_and_keeps_it() throws Exception {
        byte[] first = ChainKey.resolve("", true, dataDir);
        byte[] second = ChainKey.resolve(null, true, dataDir);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(ChainKey.FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void a_configured_key_wins_and_nothing_is_written() {
        byte[] configured = new byte[40];
        configured[0] = 7;

        assertThat(ChainKey.resolve(Base64.getEncoder().encodeToString(configured), true, dataDir)).isEqualTo(configured);
        assertThat(dataDir.resolve(ChainKey.FILE)).doesNotExist();
    }

    @Test
    void an_external_database_without_a_configured_key_refuses_to_start() {
        assertThatThrownBy(() -> ChainKey.resolve("", false, dataDir))
                .hasMessageContaining("LEDGERLINE_AUDIT_CHAIN_KEY must be set when DATABASE_URL is used");
    }

    @Test
    void a_short_or_malformed_key_is_refused() {
        assertThatThrownBy(() -> ChainKey.resolve(Base64.getEncoder().encodeToString(new byte[16]), true, dataDir))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> ChainKey.resolve("not base64!", true, dataDir))
                .hasMessageContaining("not valid base64");
    }
}
