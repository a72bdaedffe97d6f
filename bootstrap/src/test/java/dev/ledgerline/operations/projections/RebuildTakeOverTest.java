package dev.ledgerline.operations.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ledgerline.support.EndToEndTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which stale rebuilds a node's janitor takes over. The rows here name a projection that does not exist and are half
 * the configured take-over time stale, so the application's own janitor leaves them alone while the test asks with a
 * quarter of it.
 */
@EndToEndTest
class RebuildTakeOverTest {

    @Autowired
    RebuildTable rebuilds;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Value("${ledgerline.operations.rebuild-take-over-after}")
    Duration takeOverAfter;

    private final UUID id = UUID.randomUUID();

    @AfterEach
    void removeTheRow() {
        jdbc.update("DELETE FROM projection_rebuilds WHERE id = ?", id);
    }

    @Test
    void a_stale_rebuild_is_taken_over_and_the_node_that_stopped_is_named() {
        insertStale("node-that-stopped");

        List<RebuildTable.TakeOver> taken = mine(rebuilds.takeOverStale("node-taking-over", stale()));

        assertThat(taken).singleElement().satisfies(takeOver -> {
            assertThat(takeOver.previousNode()).isEqualTo("node-that-stopped");
            assertThat(takeOver.rebuild().nodeId()).isEqualTo("node-taking-over");
        });
        assertThat(mine(rebuilds.takeOverStale("a-third-node", stale())))
                .as("the heartbeat was renewed by the take-over").isEmpty();
    }

    @Test
    void a_stale_rebuild_whose_row_another_transaction_holds_is_skipped_without_waiting() throws Exception {
        insertStale("node-at-work");
        try (Connection owner = dataSource.getConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement lock = owner.prepareStatement(
                    "SELECT id FROM projection_rebuilds WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, id);
                try (ResultSet locked = lock.executeQuery()) {
                    assertThat(locked.next()).isTrue();
                }
            }

            List<RebuildTable.TakeOver> whileHeld = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> rebuilds.takeOverStale("node-taking-over", stale()));
            assertThat(mine(whileHeld)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT node_id FROM projection_rebuilds WHERE id = ?", String.class, id))
                    .isEqualTo("node-at-work");
            owner.rollback();
        }

        assertThat(mine(rebuilds.takeOverStale("node-taking-over", stale())))
                .singleElement().satisfies(takeOver -> assertThat(takeOver.previousNode()).isEqualTo("node-at-work"));
    }

    private Duration stale() {
        return takeOverAfter.dividedBy(4);
    }

    private void insertStale(String node) {
        jdbc.update("INSERT INTO projection_rebuilds (id, projection, mode, state, target_version, reason, node_id,"
                + " heartbeat_at, started_at, head_at_start, position, head) VALUES (?, ?, 'blue-green', 'running', 1,"
                + " 'test', ?, now() - make_interval(secs => ?), now() - make_interval(secs => ?), 0, -1, 0)",
                id, "no-such-projection-" + id, node, takeOverAfter.toMillis() / 2000.0,
                takeOverAfter.toMillis() / 2000.0);
    }

    /** Only this test's row: other tests' rebuilds never stay stale for 10 s, but nothing here depends on it. */
    private List<RebuildTable.TakeOver> mine(List<RebuildTable.TakeOver> taken) {
        return taken.stream().filter(takeOver -> takeOver.rebuild().id().equals(id)).toList();
    }
}
