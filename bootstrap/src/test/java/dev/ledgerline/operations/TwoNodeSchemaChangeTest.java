package dev.ledgerline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.ledgerline.LedgerlineApplication;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
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
        try (ConfigurableApplicationContext nodeB = nextRelease()) {
            Http httpB = new Http(((WebServerApplicationContext) nodeB).getWebServer().getPort());
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

    private ConfigurableApplicationContext nextRelease() throws Exception {
        HikariDataSource database = (HikariDataSource) dataSource;
        Path dataDir = Path.of(environment.getRequiredProperty("ledgerline.database.data-dir"));
        // command-line arguments: they outrank application.yml (whose ${DATABASE_URL:} would win over defaults)
        String[] arguments = Stream.of(
                        "server.port=0",
                        "ledgerline.database.url=" + database.getJdbcUrl(),
                        "ledgerline.database.username=" + database.getUsername(),
                        "ledgerline.database.password=" + (database.getPassword() == null ? ""
                                : database.getPassword()),
                        "ledgerline.database.pool-size=8",
                        "ledgerline.database.data-dir=" + dataDir.resolve("node-b"),
                        "ledgerline.audit.chain-key=" + Files.readString(dataDir.resolve("keys/audit-chain.key"))
                                .trim(),
                        "ledgerline.identity.jwt-secret=" + TestUsers.JWT_SECRET,
                        "ledgerline.identity.admin.username=" + TestUsers.ADMIN_USERNAME,
                        "ledgerline.identity.admin.email=" + TestUsers.ADMIN_EMAIL,
                        "ledgerline.identity.admin.password=" + TestUsers.ADMIN_PASSWORD,
                        "spring.flyway.locations=classpath:db/migration,classpath:db/testmigration-v2",
                        "ledgerline.test.probe-notes-version=2")
                .map(argument -> "--" + argument).toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerlineApplication.class, SecondNode.class).run(arguments);
    }

    /** Node B's own token-store owner: in one JVM both nodes would otherwise claim tokens under the same name. */
    static class SecondNode {

        @Bean
        TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider) {
            return JpaTokenStore.builder().serializer(serializer).entityManagerProvider(entityManagerProvider)
                    .nodeId("node-b").claimTimeout(Duration.ofSeconds(10)).build();
        }
    }
}
