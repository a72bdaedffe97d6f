package dev.ledgerline.operations.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import dev.ledgerline.operations.api.ShadowTransactions;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@EndToEndTest
class ShadowSchemaTest {

    @Autowired
    ShadowSchema shadow;
    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TransactionManager axonTransactions;
    @LocalServerPort
    int port;

    private ProjectionDescriptor tasks() {
        return projections.find("tasks").orElseThrow();
    }

    @AfterEach
    void drop() {
        shadow.drop(tasks());
    }

    @Test
    void a_rebuild_transaction_tells_the_projection_code_that_it_writes_the_shadow_tables_while_it_is_open() {
        SearchPathTransactionManager rebuildTransactions = new SearchPathTransactionManager(axonTransactions, jdbc,
                ShadowSchema.name(tasks()));
        assertThat(ShadowTransactions.active()).isFalse();

        Transaction committed = rebuildTransactions.startTransaction();
        assertThat(ShadowTransactions.active()).isTrue();
        assertThat(jdbc.queryForObject("SHOW search_path", String.class)).startsWith(ShadowSchema.name(tasks()));
        committed.commit();
        assertThat(ShadowTransactions.active()).isFalse();

        Transaction rolledBack = rebuildTransactions.startTransaction();
        assertThat(ShadowTransactions.active()).isTrue();
        rolledBack.rollback();
        assertThat(ShadowTransactions.active()).isFalse();
        assertThat(jdbc.queryForObject("SHOW search_path", String.class)).doesNotContain(ShadowSchema.name(tasks()));
    }

    @Test
    void shadow_tables_are_unlogged_and_know_when_a_crash_emptied_them() {
        ProjectionDescriptor tasks = tasks();
        assertThat(shadow.intact(tasks)).as("no shadow yet").isFalse();

        shadow.create(tasks);
        assertThat(shadow.intact(tasks)).isTrue();
        assertThat(jdbc.queryForList("SELECT c.relname || ':' || c.relpersistence::text FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'"
                + " ORDER BY c.relname", String.class, ShadowSchema.name(tasks)))
                .containsExactly(ShadowSchema.MARKER + ":u", "tasks:u");

        // what PostgreSQL's crash recovery does to unlogged tables: every one of them comes back empty
        jdbc.execute("TRUNCATE " + ShadowSchema.name(tasks) + ".tasks, " + ShadowSchema.name(tasks) + "."
                + ShadowSchema.MARKER);
        assertThat(shadow.intact(tasks)).as("a rebuild resuming on these tables must start over").isFalse();

        shadow.drop(tasks);
        assertThat(shadow.intact(tasks)).isFalse();
    }

    @Test
    void the_switch_makes_the_live_rows_equal_to_the_shadow_rows() {
        Http http = new Http(port);
        TestUser user = TestUsers.register(http, "shadowmerge");
        String kept = task(http, user, "kept");
        String changed = task(http, user, "to change");
        String gone = task(http, user, "to delete");
        ProjectionDescriptor tasks = tasks();
        String schema = ShadowSchema.name(tasks);
        shadow.create(tasks);
        jdbc.update("INSERT INTO " + schema + ".tasks SELECT * FROM public.tasks WHERE id <> ?::uuid", gone);
        jdbc.update("UPDATE " + schema + ".tasks SET title = 'changed', completed = true, completed_at = now(),"
                + " version = version + 1 WHERE id = ?::uuid", changed);
        String keptBefore = row(kept);

        transaction.executeWithoutResult(status -> shadow.mergeIntoLive(tasks));

        assertThat(row(kept)).isEqualTo(keptBefore);
        assertThat(jdbc.queryForObject("SELECT title || ' ' || completed FROM tasks WHERE id = ?::uuid", String.class,
                changed)).isEqualTo("changed true");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tasks WHERE id = ?::uuid", Long.class, gone)).isZero();
    }

    private static String task(Http http, TestUser user, String title) {
        Http.Response created = http.post("/api/tasks", Http.json("title", title), user.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private String row(String id) {
        return jdbc.queryForObject("SELECT t::text FROM tasks t WHERE id = ?::uuid", String.class, id);
    }
}
