package dev.ledgerline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.SecondNode;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second node on the same database, started as the next release: a test migration adds probe_notes.note_length and
 * the probe-notes projection declares version 2. That node rebuilds the projection (blue-green) by itself on start;
 * the first node keeps serving, cannot start a second rebuild, and afterwards every historical row has the column.
 */
@EndToEndTest
class TwoNodeSchemaChangeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;

    @Test
    void a_node_of_the_next_release_rebuilds_the_changed_projection_while_the_other_keeps_serving() throws Exception {
        Http nodeA = new Http(port);
        OperationsClient operationsA = new OperationsClient(nodeA);
        String historical = "historical-" + UUID.randomUUID();
        commands.sendAndWait(new RecordProbe(historical, "one"));
        commands.sendAndWait(new AmendProbe(historical, "three"));
        operationsA.awaitCaughtUp("probe-notes");

        ProbeNotesProjection.replayGate = new CountDownLatch(1);
        try (SecondNode nodeB = nextRelease()) {
            Http httpB = nodeB.http();
            // the admin's token from node A: same signing key, sessions in the shared database
            OperationsClient operationsB = new OperationsClient(httpB, operationsA.token());
            JsonNode statusOnA = operationsA.status("probe-notes");
            assertThat(statusOnA.path("state").asText()).isEqualTo("rebuilding");
            assertThat(statusOnA.path("rebuild").path("reason").asText()).isEqualTo("version 1 -> 2");
            String location = "/api/admin/projections/probe-notes/rebuilds/"
                    + statusOnA.path("rebuild").path("id").asText();
            assertThat(operationsA.rebuild("probe-notes", null).status()).isEqualTo(409);
            assertThat(operationsB.rebuild("probe-notes", null).status()).isEqualTo(409);

            String during = "during-" + UUID.randomUUID();
            commands.sendAndWait(new RecordProbe(during, "posted on node A during the rebuild"));
            assertThat(nodeA.get("/api/users/me", operationsA.token()).status()).isEqualTo(200);
            assertThat(httpB.get("/api/users/me", operationsA.token()).status()).isEqualTo(200);

            awaitRebuildTokensOwnedBy("node-b");

            ProbeNotesProjection.replayGate.countDown();
            operationsA.awaitCompleted(location);
            assertThat(operationsB.status("probe-notes").path("storedVersion").asInt()).isEqualTo(2);
            assertThat(jdbc.queryForList("SELECT note_length FROM probe_notes WHERE probe_id = ? ORDER BY sequence",
                    Integer.class, historical)).containsExactly(3, 5);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM probe_notes WHERE note_length IS NULL",
                    Long.class)).as("rows without the new column").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM probe_notes WHERE probe_id = ?", Long.class,
                    during)).isEqualTo(1);
        } finally {
            ProbeNotesProjection.replayGate.countDown();
        }
    }

    /** The shadow processor runs where its tokens are claimed: on node B only. */
    private void awaitRebuildTokensOwnedBy(String node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String owners = "";
        while (!owners.equals("[" + node + "]")) {
            assertThat(System.nanoTime()).as("owners of the rebuild's tokens: " + owners).isLessThan(deadline);
            OperationsClient.pause(50);
            owners = jdbc.queryForList("SELECT DISTINCT owner FROM token_entry WHERE processor_name = ?"
                    + " AND owner IS NOT NULL", String.class, "probe-notes-projection@rebuild").toString();
        }
    }

    private SecondNode nextRelease() throws Exception {
        return SecondNode.start(dataSource, environment,
                "spring.flyway.locations=classpath:db/migration,classpath:db/testmigration-v2",
                "ledgerline.test.probe-notes-version=2");
    }
}
