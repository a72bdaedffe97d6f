package dev.ledgerline.bootstrap.database;

import java.nio.file.Path;
import java.time.Duration;

import dev.ledgerline.LedgerlineApplication;
import dev.ledgerline.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DATABASE_URL mode: the application runs against a PostgreSQL server it did not start. */
class ExternalDatabaseTest {

    @TempDir
    Path unusedDataDir;

    @Test
    void the_application_migrates_and_runs_against_a_server_given_as_a_postgres_url() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = "postgres://postgres:ignored@localhost:" + server.getPort() + "/postgres?sslmode=disable";

            try (ConfigurableApplicationContext app = start("--ledgerline.database.url=" + url)) {
                JdbcTemplate external = new JdbcTemplate(server.getPostgresDatabase());
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();

                assertThat(external.queryForObject(
                        "SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class)).isPositive();
                assertThat(external.queryForObject("SELECT count(*) FROM information_schema.tables "
                        + "WHERE table_name = 'domain_event_entry'", Integer.class)).isEqualTo(1);
                assertThat(new Http(port).get("/actuator/health", null).body().path("status").asText())
                        .isEqualTo("UP");
                assertThat(unusedDataDir.resolve("postgres")).doesNotExist();
            }
        }
    }

    @Test
    void an_unreachable_server_fails_the_start_with_a_clear_message_after_bounded_retries() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> start("--ledgerline.database.url=postgres://nobody:pw@127.0.0.1:1/none",
                "--ledgerline.database.connect-timeout=2s"))
                .hasRootCauseInstanceOf(java.net.ConnectException.class)
                .satisfies(e -> assertThat(causeChain(e)).contains("was not reachable within 2 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    private ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--ledgerline.database.data-dir=" + unusedDataDir;
        // with an external database the keys must come from configuration, never from the data directory
        all[args.length + 2] = "--ledgerline.audit.chain-key=" + java.util.Base64.getEncoder()
                .encodeToString("external-database-test-chain-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new SpringApplicationBuilder(LedgerlineApplication.class).run(all);
    }

    private static String causeChain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
