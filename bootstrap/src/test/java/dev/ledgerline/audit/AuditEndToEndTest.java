package dev.ledgerline.audit;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** An auditor replays, inspects and verifies a real assistant exchange over HTTP. */
@EndToEndTest
class AuditEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    private Http http;
    private TestUser alice;
    private TestUser auditor;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        alice = TestUsers.register(http, "alice");
        auditor = auditor();
    }

    @Test
    void an_auditor_reads_a_whole_exchange_in_order_with_actors_and_correlation_ids() {
        Exchange exchange = exchange();

        JsonNode events = auditGet("/api/audit/conversations/" + exchange.id + "/events").body();

        assertThat(types(events.get("data"))).containsExactly("ConversationStarted", "MessagePosted",
                "MessagePosted", "ToolCallRecorded", "ToolCallRecorded", "ToolResultRecorded", "ToolResultRecorded",
                "MessagePosted");
        String previous = "0".repeat(64);
        long sequence = 0;
        for (JsonNode event : events.get("data")) {
            assertThat(event.get("sequence").asLong()).isEqualTo(sequence++);
            assertThat(event.get("actor").asText()).isEqualTo(alice.id().toString());
            assertThat(event.get("previousHash").asText()).isEqualTo(previous);
            assertThat(event.get("clientAddress").asText()).isNotBlank();
            previous = event.get("hash").asText();
        }
        assertThat(correlationIds(events.get("data"))).containsExactly("ex-start", "ex-question", "ex-lookup",
                "ex-lookup", "ex-lookup", "ex-result-a", "ex-result-b", "ex-answer");
        assertThat(events.get("data").get(3).get("payload").get("name").asText()).isEqualTo("search_tasks");
        assertThat(events.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void pages_of_events_follow_each_other_through_the_cursor() {
        Exchange exchange = exchange();
        List<Long> sequences = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = auditGet("/api/audit/conversations/" + exchange.id + "/events?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body();
            page.get("data").forEach(event -> sequences.add(event.get("sequence").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(auditGet("/api/audit/conversations/" + exchange.id + "/events?fromSequence=2&toSequence=4")
                .body().get("data")).hasSize(3);
    }

    @Test
    void the_state_after_each_step_equals_what_the_read_tables_showed_at_that_moment() {
        Exchange exchange = exchange();

        for (Snapshot seen : exchange.snapshots) {
            JsonNode state = auditGet("/api/audit/conversations/" + exchange.id + "/state?atSequence="
                    + seen.sequence).body();
            assertThat(state.get("exists").asBoolean()).isTrue();
            assertThat(state.get("conversation")).as("conversation at %d", seen.sequence).isEqualTo(seen.conversation);
            assertThat(state.get("messages")).as("messages at %d", seen.sequence).isEqualTo(seen.messages);
        }
        for (long sequence = 0; sequence <= 7; sequence++) {
            assertThat(auditGet("/api/audit/conversations/" + exchange.id + "/state?atSequence=" + sequence)
                    .body().get("sequence").asLong()).isEqualTo(sequence);
        }
        JsonNode latest = auditGet("/api/audit/conversations/" + exchange.id + "/state").body();
        assertThat(latest.get("conversation")).isEqualTo(
                http.get("/api/conversations/" + exchange.id, alice.accessToken()).body());
    }

    @Test
    void the_state_at_an_instant_is_the_state_after_the_last_event_before_it() {
        Exchange exchange = exchange();
        JsonNode events = auditGet("/api/audit/conversations/" + exchange.id + "/events").body().get("data");
        String afterQuestion = events.get(1).get("timestamp").asText();

        JsonNode state = auditGet("/api/audit/conversations/" + exchange.id + "/state?at=" + afterQuestion).body();

        assertThat(state.get("sequence").asLong()).isEqualTo(1);
        assertThat(state.get("messages")).hasSize(1);
        assertThat(auditGet("/api/audit/conversations/" + exchange.id + "/state?at=2000-01-01T00:00:00Z").status())
                .isEqualTo(404);
        assertThat(auditGet("/api/audit/conversations/" + exchange.id + "/state?atSequence=99").status())
                .isEqualTo(404);
        assertThat(auditGet("/api/audit/conversations/" + exchange.id + "/state?at=yesterday").status())
                .isEqualTo(400);
    }

    @Test
    void an_untouched_conversation_verifies_intact_and_sql_tampering_is_named_by_sequence() {
        String changed = exchange().id;
        String deleted = exchange().id;
        String forged = exchange().id;

        JsonNode intact = auditGet("/api/audit/conversations/" + changed + "/verify").body();
        assertThat(intact.get("status").asText()).isEqualTo("intact");
        assertThat(intact.get("eventsChecked").asLong()).isEqualTo(8);

        Map<String, Object> removed = jdbc.queryForMap("SELECT * FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 3", deleted);
        String forgery = UUID.randomUUID().toString();
        try {
            jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'pay rent', 'pay RENT'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 7",
                    changed);
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3",
                    deleted);
            jdbc.update("INSERT INTO domain_event_entry (global_index, type, aggregate_identifier, sequence_number, "
                    + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "SELECT nextval('domain_event_entry_seq'), type, aggregate_identifier, 8, ?, time_stamp, "
                    + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 7", forgery, forged);

            assertTampered(changed, 7);
            assertTampered(deleted, 3);
            assertTampered(forged, 8);
        } finally {
            // the database is shared with every other end-to-end test (rebuild tests replay all events): undo
            jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'pay RENT', 'pay rent'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 7",
                    changed);
            jdbc.update("INSERT INTO domain_event_entry (global_index, type, aggregate_identifier, sequence_number, "
                    + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", removed.get("global_index"),
                    removed.get("type"), removed.get("aggregate_identifier"), removed.get("sequence_number"),
                    removed.get("event_identifier"), removed.get("time_stamp"), removed.get("payload_type"),
                    removed.get("payload_revision"), removed.get("payload"), removed.get("meta_data"));
            jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", forgery);
        }
        assertThat(auditGet("/api/audit/conversations/" + deleted + "/verify").body().get("status").asText())
                .isEqualTo("intact");
    }

    @Test
    void the_export_streams_every_event_with_its_hash_as_ndjson() throws Exception {
        Exchange exchange = exchange();

        Http.Response export = auditGet("/api/audit/conversations/" + exchange.id + "/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.raw().body().split("\n");
        JsonNode events = auditGet("/api/audit/conversations/" + exchange.id + "/events").body().get("data");
        assertThat(lines).hasSize(8);
        for (int i = 0; i < lines.length; i++) {
            // each line is the event exactly as the paged history shows it, field for field
            assertThat(JSON.readTree(lines[i])).isEqualTo(events.get(i));
        }
        assertThat(export.raw().body()).endsWith("}\n").doesNotContain("\n\n").doesNotStartWith(" ");
    }

    @Test
    void a_deleted_conversation_stays_readable_for_auditors() {
        Exchange exchange = exchange();
        assertThat(http.delete("/api/conversations/" + exchange.id, alice.accessToken()).status()).isEqualTo(204);

        JsonNode events = auditGet("/api/audit/conversations/" + exchange.id + "/events").body().get("data");
        JsonNode state = auditGet("/api/audit/conversations/" + exchange.id + "/state").body();

        assertThat(types(events)).endsWith("ConversationDeleted");
        assertThat(state.get("exists").asBoolean()).isFalse();
        assertThat(auditGet("/api/audit/conversations/" + exchange.id + "/verify").body().get("status").asText())
                .isEqualTo("intact");
    }

    @Test
    void only_auditors_and_admins_may_read_and_every_read_is_recorded() {
        Exchange exchange = exchange();
        String path = "/api/audit/conversations/" + exchange.id + "/events";

        assertThat(http.get(path, alice.accessToken()).status()).isEqualTo(403);
        assertThat(http.get(path.replace("/events", "/verify"), alice.accessToken()).status()).isEqualTo(403);
        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.get(path, TestUsers.admin(http).accessToken()).status()).isEqualTo(200);
        assertThat(http.get("/api/admin/audit-reads", auditor.accessToken()).status()).isEqualTo(403);
        auditGet(path.replace("/events", "/verify"));

        JsonNode reads = awaitReads(exchange.id, 2);
        assertThat(reads.findValuesAsText("operation")).contains("events", "verify");
        assertThat(reads.findValuesAsText("auditorId")).contains(auditor.id().toString());
    }

    @Test
    void a_users_identity_stream_shows_registration_sessions_and_revocations_with_their_actor() {
        TestUser bob = TestUsers.register(http, "bob");
        assertThat(http.post("/api/auth/logout", json("refreshToken", bob.refreshToken()), bob.accessToken())
                .status()).isEqualTo(204);

        JsonNode events = awaitUserEvents(bob.id(), "TokenRevoked");

        assertThat(types(events)).startsWith("UserRegistered").contains("SessionStarted", "TokenRevoked");
        JsonNode revoked = events.get(types(events).indexOf("TokenRevoked"));
        assertThat(revoked.get("payload").toString()).contains("LOGOUT");
        assertThat(revoked.get("streamId").asText()).isEqualTo(bob.sessionId().toString());
        assertThat(auditGet("/api/audit/users/" + UUID.randomUUID() + "/events").status()).isEqualTo(404);
    }

    private void assertTampered(String conversation, long sequence) {
        JsonNode result = auditGet("/api/audit/conversations/" + conversation + "/verify").body();
        assertThat(result.get("status").asText()).isEqualTo("tampered");
        assertThat(result.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
        assertThat(result.get("reason").asText()).isNotBlank();
    }

    private JsonNode awaitReads(String stream, int atLeast) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonNode reads = http.get("/api/admin/audit-reads?limit=200", TestUsers.admin(http).accessToken())
                    .body().get("data");
            List<JsonNode> forStream = new ArrayList<>();
            reads.forEach(read -> {
                if (read.get("streamId").asText().equals(stream)) {
                    forStream.add(read);
                }
            });
            if (forStream.size() >= atLeast || System.currentTimeMillis() > deadline) {
                return JSON.valueToTree(forStream);
            }
            sleep();
        }
    }

    private JsonNode awaitUserEvents(UUID user, String type) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonNode events = auditGet("/api/audit/users/" + user + "/events").body().get("data");
            if (types(events).contains(type) || System.currentTimeMillis() > deadline) {
                return events;
            }
            sleep();
        }
    }

    private Http.Response auditGet(String path) {
        return http.get(path, auditor.accessToken());
    }

    private TestUser auditor() {
        TestUser candidate = TestUsers.register(http, "auditor");
        Http.Response roles = http.put("/api/admin/users/" + candidate.id() + "/roles",
                json("roles", List.of("USER", "AUDITOR")), TestUsers.admin(http).accessToken());
        assertThat(roles.status()).as(roles.toString()).isEqualTo(200);
        return TestUsers.login(http, candidate.username(), candidate.password());
    }

    /** Runs the exchange, capturing what the REST reads showed after each step. */
    private Exchange exchange() {
        List<Snapshot> snapshots = new ArrayList<>();
        String id = send("POST", "/api/conversations", json("title", "Today"), "ex-start").body().get("id").asText();
        snapshots.add(snapshot(id, 0));
        send("POST", "/api/conversations/" + id + "/messages",
                json("role", "user", "content", "What is due today?"), "ex-question");
        snapshots.add(snapshot(id, 1));
        send("POST", "/api/conversations/" + id + "/messages", json("role", "assistant", "content", "Let me check.",
                "toolCalls", List.of(
                        json("callId", "call_a", "name", "search_tasks", "arguments", Map.of("query", "due:today")),
                        json("callId", "call_b", "name", "calendar", "arguments", Map.of("day", "today")))),
                "ex-lookup");
        snapshots.add(snapshot(id, 4));
        send("POST", "/api/conversations/" + id + "/tool-calls/call_a/result",
                json("output", "pay rent", "status", "ok"), "ex-result-a");
        snapshots.add(snapshot(id, 5));
        send("POST", "/api/conversations/" + id + "/tool-calls/call_b/result",
                json("output", "calendar unavailable", "status", "error"), "ex-result-b");
        snapshots.add(snapshot(id, 6));
        send("POST", "/api/conversations/" + id + "/messages",
                json("role", "assistant", "content", "You need to pay rent."), "ex-answer");
        snapshots.add(snapshot(id, 7));
        return new Exchange(id, snapshots);
    }

    private Snapshot snapshot(String id, long sequence) {
        JsonNode conversation = http.get("/api/conversations/" + id, alice.accessToken()).body();
        JsonNode messages = http.get("/api/conversations/" + id + "/messages?limit=200", alice.accessToken())
                .body().get("data");
        return new Snapshot(sequence, conversation, messages);
    }

    private Http.Response send(String method, String path, Object body, String requestId) {
        try {
            HttpRequest request = http.request(path, alice.accessToken())
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            Http.Response response = http.send(request);
            assertThat(response.status()).as(response.toString()).isBetween(200, 201);
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private static List<String> correlationIds(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(event -> ids.add(event.get("correlationId").asText()));
        return ids;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Exchange(String id, List<Snapshot> snapshots) {
    }

    private record Snapshot(long sequence, JsonNode conversation, JsonNode messages) {
    }
}
