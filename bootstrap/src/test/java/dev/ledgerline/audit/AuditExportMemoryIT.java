package dev.ledgerline.audit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerline.audit.chain.ChainHasher;
import dev.ledgerline.audit.chain.StoredEvent;
import dev.ledgerline.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application, started with a 256 MB heap, exports and verifies a conversation of 100,000 events
 * (about 430 MB of stored JSON, far more than the heap once parsed) — possible only when both stream.
 */
class AuditExportMemoryIT {

    private static final int EVENTS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] CHAIN_KEY = "audit-export-memory-it-chain-key".getBytes(StandardCharsets.UTF_8);

    /** Kept after the run for whoever has to find out why it failed. */
    private static final Path APP_LOG = Path.of("target", "audit-export-memory-it-app.log").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void a_100k_event_conversation_exports_and_verifies_within_a_256_mb_heap() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            int port = freePort();
            Process app = start(database, port);
            try {
                Http http = new Http(port);
                awaitReady(http, app);
                String auditor = auditorToken(http);
                String conversation = seed(database);
                // the projections first read past the 100,000 new events (their catch-up is not what is measured)
                awaitProcessorsAtHead(database);

                long lines = 0;
                long lastSequence = -1;
                HttpResponse<java.io.InputStream> export = HttpClient.newHttpClient().send(
                        http.request("/api/audit/conversations/" + conversation + "/export", auditor).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(export.statusCode()).isEqualTo(200);
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        JsonNode event = JSON.readTree(line);
                        assertThat(event.get("sequence").asLong()).isEqualTo(lastSequence + 1);
                        assertThat(event.get("hash").asText()).hasSize(64);
                        lastSequence = event.get("sequence").asLong();
                        lines++;
                    }
                }
                JsonNode verification = http.get("/api/audit/conversations/" + conversation + "/verify", auditor).body();

                assertThat(lines).isEqualTo(EVENTS);
                assertThat(verification.get("status").asText()).isEqualTo("intact");
                assertThat(verification.get("eventsChecked").asLong()).isEqualTo(EVENTS);
                assertThat(app.isAlive()).as("the application survived with -Xmx256m").isTrue();
            } finally {
                app.destroy();
                app.waitFor();
            }
            assertThat(Files.readString(APP_LOG)).doesNotContain("OutOfMemoryError");
        }
    }

    private Process start(EmbeddedPostgres database, int port) throws Exception {
        Path jar = Path.of("target", "ledgerline.jar").toAbsolutePath();
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(APP_LOG.toFile());
        builder.environment().put("DATABASE_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres");
        builder.environment().put("DATABASE_USERNAME", "postgres");
        builder.environment().put("LEDGERLINE_AUDIT_CHAIN_KEY", Base64.getEncoder().encodeToString(CHAIN_KEY));
        builder.environment().put("LEDGERLINE_JWT_SECRET", "audit-export-memory-it-jwt-secret-0123456789");
        builder.environment().put("LEDGERLINE_ADMIN_USERNAME", "it-admin");
        builder.environment().put("LEDGERLINE_ADMIN_EMAIL", "it-admin@ledgerline.test");
        builder.environment().put("LEDGERLINE_ADMIN_PASSWORD", "it-admin-password");
        builder.environment().put("LEDGERLINE_DATA_DIR", workDir.resolve("data").toString());
        return builder.start();
    }

    private void awaitReady(Http http, Process app) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the application is running (see %s)", APP_LOG).isTrue();
            try {
                if (http.get("/actuator/health/readiness", null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // the port is not open yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 120 s: " + Files.readString(APP_LOG));
    }

    /**
     * Writes the events of one conversation stream and their chain links directly, as the application would have:
     * far faster than through HTTP.
     */
    private static String seed(EmbeddedPostgres database) throws Exception {
        String stream = UUID.randomUUID().toString();
        ChainHasher hasher = new ChainHasher(CHAIN_KEY);
        byte[] previous = ChainHasher.GENESIS;
        String content = "x".repeat(4000);
        try (Connection connection = database.getPostgresDatabase().getConnection();
             PreparedStatement events = connection.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                     + "type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type, "
                     + "payload_revision, payload, meta_data) VALUES (nextval('domain_event_entry_seq'), "
                     + "'Conversation', ?, ?, ?, ?, ?, '1', ?, ?)");
             PreparedStatement links = connection.prepareStatement("INSERT INTO audit_event_chain "
                     + "(aggregate_identifier, sequence_number, event_identifier, previous_hash, hash) "
                     + "VALUES (?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (long sequence = 0; sequence < EVENTS; sequence++) {
                // a payload type no handler knows: the projections skip these events, the audit reads them raw
                String type = "dev.ledgerline.it.BulkNote";
                byte[] payload = ("{\"sequence\":" + sequence + ",\"content\":\"" + content + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] metadata = "{\"actor\":\"system\"}".getBytes(StandardCharsets.UTF_8);
                String eventId = UUID.randomUUID().toString();
                String timestamp = "2026-11-21T10:00:00.000Z";
                StoredEvent stored = new StoredEvent(-1, stream, sequence, "Conversation", eventId, timestamp, type,
                        "1", payload, metadata);
                byte[] hash = hasher.link(previous, stored);
                events.setString(1, stream);
                events.setLong(2, sequence);
                events.setString(3, eventId);
                events.setString(4, timestamp);
                events.setString(5, type);
                events.setBytes(6, payload);
                events.setBytes(7, metadata);
                events.addBatch();
                links.setString(1, stream);
                links.setLong(2, sequence);
                links.setString(3, eventId);
                links.setBytes(4, previous);
                links.setBytes(5, hash);
                links.addBatch();
                previous = hash;
                if (sequence % 2000 == 1999) {
                    events.executeBatch();
                    links.executeBatch();
                }
            }
            events.executeBatch();
            links.executeBatch();
            connection.commit();
        }
        return stream;
    }

    private static void awaitProcessorsAtHead(EmbeddedPostgres database) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        try (Connection connection = database.getPostgresDatabase().getConnection();
             PreparedStatement behind = connection.prepareStatement("SELECT count(*) FROM token_entry "
                     + "WHERE token IS NULL OR (convert_from(token, 'UTF8')::jsonb->>'index')::bigint "
                     + "< (SELECT max(global_index) FROM domain_event_entry)")) {
            while (Instant.now().isBefore(deadline)) {
                try (var rows = behind.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the projections did not catch up within 180 s");
    }

    private static String auditorToken(Http http) {
        Http.Response login = http.post("/api/auth/login",
                json("username", "it-admin", "password", "it-admin-password"), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String admin = login.body().get("accessToken").asText();
        String username = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response registered = http.post("/api/auth/register", json("username", username, "email",
                username + "@ledgerline.test", "password", "auditor-password", "fullName", "Auditor"), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.body().get("id").asText();
        assertThat(http.put("/api/admin/users/" + id + "/roles", json("roles", List.of("USER", "AUDITOR")), admin)
                .status()).isEqualTo(200);
        return http.post("/api/auth/login", json("username", username, "password", "auditor-password"), null)
                .body().get("accessToken").asText();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
