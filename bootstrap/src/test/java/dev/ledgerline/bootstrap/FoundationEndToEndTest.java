package dev.ledgerline.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.probe.RecordProbe;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EndToEndTest
class FoundationEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Value("${spring.jpa.hibernate.ddl-auto}")
    String ddlAuto;

    @Test
    void flyway_applied_every_migration_in_the_db_module() throws Exception {
        Resource[] migrations = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/V*.sql");
        List<Map<String, Object>> applied = jdbc.queryForList(
                "SELECT script, success FROM flyway_schema_history WHERE version IS NOT NULL");

        assertThat(migrations).isNotEmpty();
        // another test context may apply migrations from an extra location (operations' schema-change test)
        List<String> files = java.util.Arrays.stream(migrations).map(Resource::getFilename).toList();
        assertThat(applied).filteredOn(row -> files.contains(row.get("script"))).hasSize(migrations.length)
                .allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
    }

    @Test
    void hibernate_validated_axons_tables_against_the_migrations() {
        assertThat(ddlAuto).isEqualTo("validate");
        assertThat(entityManagerFactory.getMetamodel().entity(DomainEventEntry.class)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'domain_event_entry' AND column_name = 'payload'", String.class))
                .isEqualTo("bytea");
        assertThat(jdbc.queryForObject("SELECT increment_by FROM pg_sequences "
                + "WHERE sequencename = 'domain_event_entry_seq'", Long.class)).isEqualTo(1L);
    }

    @Test
    void a_command_appends_an_event_readable_as_json_with_the_request_metadata() {
        String probeId = UUID.randomUUID().toString();
        try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", "corr-" + probeId)) {
            commands.sendAndWait(new RecordProbe(probeId, "hello, store"));
        }

        Map<String, Object> event = jdbc.queryForMap("SELECT payload->>'note' AS note, "
                + "meta_data->>'correlationId' AS correlation, meta_data->>'actor' AS actor, payload_type "
                + "FROM event_log WHERE aggregate_identifier = ?", probeId);
        assertThat(event.get("note")).isEqualTo("hello, store");
        assertThat(event.get("correlation")).isEqualTo("corr-" + probeId);
        assertThat(event.get("actor")).isEqualTo("system");
        assertThat(event.get("payload_type")).isEqualTo("dev.ledgerline.support.probe.ProbeRecorded");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void aggregates_find_command_targets_through_the_caching_resolver() {
        // Axon's aggregate configuration takes the resolver from the context, else its reflective default
        assertThat(axon.getComponent(CommandTargetResolver.class).getClass().getSimpleName())
                .isEqualTo("CachingCommandTargetResolver");
    }

    @Test
    void the_event_log_view_refuses_changes() {
        commands.sendAndWait(new RecordProbe(UUID.randomUUID().toString(), "immutable"));

        assertThatThrownBy(() -> jdbc.update("UPDATE event_log SET payload_type = 'forged'"))
                .rootCause().hasMessageContaining("read-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM event_log"))
                .rootCause().hasMessageContaining("read-only");
    }

    @Test
    void health_is_up_and_the_request_id_is_echoed_or_generated() {
        Http http = new Http(port);

        Http.Response given = http.send(http.request("/actuator/health", null).header("X-Request-Id", "req-42")
                .GET().build());
        Http.Response generated = http.get("/actuator/health/readiness", null);

        assertThat(given.status()).isEqualTo(200);
        assertThat(given.body().path("status").asText()).isEqualTo("UP");
        assertThat(given.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(given.body().path("components").path("eventProcessors").path("status").asText()).isEqualTo("UP");
        assertThat(given.header("X-Request-Id")).isEqualTo("req-42");
        assertThat(generated.status()).isEqualTo(200);
        assertThat(UUID.fromString(generated.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void a_request_id_that_could_forge_log_lines_is_replaced() {
        Http http = new Http(port);

        Http.Response response = http.send(http.request("/actuator/health", null)
                .header("X-Request-Id", "x".repeat(200)).GET().build());

        assertThat(response.header("X-Request-Id")).isNotEqualTo("x".repeat(200));
        assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void info_reports_the_build_version_and_the_api_is_documented() {
        Http http = new Http(port);

        assertThat(http.get("/actuator/info", null).body().path("build").path("version").asText())
                .isEqualTo("0.1.0-SNAPSHOT");
        assertThat(http.get("/v3/api-docs", null).body().path("openapi").asText()).startsWith("3.");
        assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void raw_json_in_requests_and_answers_is_documented_as_objects() {
        JsonNode docs = new Http(port).get("/v3/api-docs", null).body();
        JsonNode schemas = docs.path("components").path("schemas");

        JsonNode post = docs.path("paths").path("/api/conversations/{id}/messages").path("post")
                .path("requestBody").path("content").path("application/json").path("schema");
        assertThat(post.path("$ref").asText()).isEqualTo("#/components/schemas/PostMessageRequest");
        assertThat(schemas.path("PostMessageRequest").path("properties").path("toolCalls").path("items")
                .path("$ref").asText()).isEqualTo("#/components/schemas/ToolCallRequest");
        assertThat(schemas.path("ToolCallRequest").path("properties").path("arguments").path("type").asText())
                .isEqualTo("object");
        assertThat(schemas.path("ToolCallJson").path("properties").path("arguments").path("type").asText())
                .as("written with @JsonRawValue: an object on the wire").isEqualTo("object");
        assertThat(schemas.path("AuditEvent").path("properties").path("payload").path("type").asText())
                .isEqualTo("object");
        assertThat(schemas.has("JsonNode")).as("Jackson's tree type is not described as a bean").isFalse();
    }

    @Test
    void an_unauthenticated_api_call_answers_401_problem_json() {
        Http.Response response = new Http(port).get("/api/anything", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/unauthorized");
    }

    @Test
    void an_oversized_body_answers_413_problem_json_before_anything_reads_it() {
        Http http = new Http(port);
        String big = "{\"x\":\"" + "a".repeat(1_100_000) + "\"}";

        Http.Response response = http.post("/api/anything", big, null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/payload-too-large");
    }
}
