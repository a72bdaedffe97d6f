package dev.ledgerline.operations.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import dev.ledgerline.support.EndToEndTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class ShadowSchemaTest {

    @Autowired
    ShadowSchema shadow;
    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private ProjectionDescriptor tasks() {
        return projections.find("tasks").orElseThrow();
    }

    @AfterEach
    void drop() {
        shadow.drop(tasks());
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
}
