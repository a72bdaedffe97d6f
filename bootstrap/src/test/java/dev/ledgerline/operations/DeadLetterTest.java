package dev.ledgerline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class DeadLetterTest {

    private static final String DEAD_LETTERS = "/api/admin/projections/probe-notes/dead-letters";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void a_poison_event_stops_only_its_sequence_and_is_retried_after_the_fix() {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        String poisoned = "poisoned-" + UUID.randomUUID();
        String healthy = "healthy-" + UUID.randomUUID();
        String poison = "poison " + UUID.randomUUID();
        ProbeNotesProjection.poisonNote = poison;
        try {
            commands.sendAndWait(new RecordProbe(poisoned, poison));
            commands.sendAndWait(new AmendProbe(poisoned, "waits behind the poison"));
            commands.sendAndWait(new RecordProbe(healthy, "goes through"));

            await(() -> notes(healthy).size() == 1 && letters(http, operations, poisoned).size() == 2);
            assertThat(notes(poisoned)).isEmpty();
            List<JsonNode> letters = letters(http, operations, poisoned);
            assertThat(letters).extracting(letter -> letter.path("eventType").asText())
                    .containsOnly("dev.ledgerline.support.probe.ProbeRecorded");
            assertThat(letters.get(0).path("causeMessage").asText()).contains("Poisoned note");
            assertThat(letters).extracting(letter -> letter.path("sequence").asText()).containsOnly(poisoned);
            JsonNode status = operations.status("probe-notes");
            long deadLetters = status.path("deadLetters").asLong();
            assertThat(deadLetters).isGreaterThanOrEqualTo(2);
            assertThat(status.path("state").asText()).as("a dead letter is not an error").isEqualTo("running");
            Http.Response health = http.get("/actuator/health", null);
            assertThat(health.body().path("components").path("projections").path("details").path("probe-notes")
                    .path("deadLetters").asLong()).isEqualTo(deadLetters);
            await(() -> http.get("/actuator/prometheus", null).raw().body()
                    .contains("ledgerline_projection_dead_letters_events{projection=\"probe-notes\"} " + deadLetters
                            + ".0"));
            assertThat(http.get("/actuator/prometheus", null).raw().body())
                    .contains("ledgerline_projection_lag_events{projection=\"conversation\"}");

            Http.Response stillPoisoned = http.post(DEAD_LETTERS + "/" + letters.get(1).path("id").asText()
                    + "/retry", null, operations.token());
            assertThat(stillPoisoned.body().path("handled").asBoolean()).isFalse();
            ProbeNotesProjection.poisonNote = null;
            Http.Response retried = http.post(DEAD_LETTERS + "/" + letters.get(0).path("id").asText() + "/retry",
                    null, operations.token());
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(retried.body().path("handled").asBoolean()).isTrue();
            assertThat(notes(poisoned)).containsExactly(poison, "waits behind the poison");
            assertThat(letters(http, operations, poisoned)).isEmpty();
        } finally {
            ProbeNotesProjection.poisonNote = null;
        }
    }

    @Test
    void a_discarded_dead_letter_is_never_applied() {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        String poisoned = "discarded-" + UUID.randomUUID();
        String poison = "poison " + UUID.randomUUID();
        ProbeNotesProjection.poisonNote = poison;
        try {
            commands.sendAndWait(new RecordProbe(poisoned, poison));
            await(() -> letters(http, operations, poisoned).size() == 1);
        } finally {
            ProbeNotesProjection.poisonNote = null;
        }
        String id = letters(http, operations, poisoned).get(0).path("id").asText();
        assertThat(http.delete(DEAD_LETTERS + "/" + id, operations.token()).status()).isEqualTo(204);
        assertThat(http.delete(DEAD_LETTERS + "/" + id, operations.token()).status()).isEqualTo(404);
        assertThat(letters(http, operations, poisoned)).isEmpty();
        commands.sendAndWait(new AmendProbe(poisoned, "after the discarded one"));
        await(() -> notes(poisoned).size() == 1);
        assertThat(notes(poisoned)).containsExactly("after the discarded one");
    }

    /** The dead letters of one probe (other tests leave letters of their own, e.g. tampered events). */
    private List<JsonNode> letters(Http http, OperationsClient operations, String probeId) {
        Http.Response response = http.get(DEAD_LETTERS, operations.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> letters = new java.util.ArrayList<>();
        response.body().forEach(letter -> {
            if (letter.path("aggregateId").asText().equals(probeId)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private List<String> notes(String probeId) {
        return jdbc.queryForList("SELECT note FROM probe_notes WHERE probe_id = ? ORDER BY sequence", String.class,
                probeId);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            OperationsClient.pause(50);
        }
    }
}
