package dev.ledgerline.operations.projections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** projection_rebuilds and projection_versions. */
@Component
class RebuildTable {

    private static final String COLUMNS = "id, projection, mode, state, target_version, reason, node_id, heartbeat_at,"
            + " started_at, finished_at, head_at_start, position, head, error";

    private final JdbcTemplate jdbc;

    RebuildTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when a rebuild of the projection is active already (on any node). */
    Optional<RebuildRecord> start(String projection, String mode, int targetVersion, String reason, String nodeId,
                                  long head) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("INSERT INTO projection_rebuilds (id, projection, mode, state, target_version, reason, node_id,"
                            + " heartbeat_at, started_at, head_at_start, position, head)"
                            + " VALUES (?, ?, ?, 'running', ?, ?, ?, now(), now(), ?, -1, ?)",
                    id, projection, mode, targetVersion, reason, nodeId, head, head);
        } catch (DuplicateKeyException alreadyRunning) {
            return Optional.empty();
        }
        return find(id);
    }

    Optional<RebuildRecord> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_rebuilds WHERE id = ?", RebuildTable::record, id)
                .stream().findFirst();
    }

    Optional<RebuildRecord> active(String projection) {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_rebuilds WHERE projection = ?"
                        + " AND state IN ('running', 'switching')", RebuildTable::record, projection)
                .stream().findFirst();
    }

    Optional<RebuildRecord> latest(String projection) {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_rebuilds WHERE projection = ?"
                        + " ORDER BY started_at DESC LIMIT 1", RebuildTable::record, projection)
                .stream().findFirst();
    }

    /** Renews the heartbeat and records progress; false when this node no longer runs the rebuild. */
    boolean progress(UUID id, String nodeId, long position, long head, String error) {
        return jdbc.update("UPDATE projection_rebuilds SET heartbeat_at = now(), position = ?, head = ?, error = ?"
                        + " WHERE id = ? AND node_id = ? AND state IN ('running', 'switching')",
                position, head, error, id, nodeId) == 1;
    }

    /** The heartbeat as of now, not as of the transaction's start (for the end of a long transaction). */
    void renewHeartbeat(UUID id) {
        jdbc.update("UPDATE projection_rebuilds SET heartbeat_at = clock_timestamp() WHERE id = ?", id);
    }

    /** Moves this node's active rebuild between running and switching; false when it is no longer this node's. */
    boolean state(UUID id, String nodeId, String state) {
        return jdbc.update("UPDATE projection_rebuilds SET state = ?, heartbeat_at = clock_timestamp() WHERE id = ?"
                + " AND node_id = ? AND state IN ('running', 'switching')", state, id, nodeId) == 1;
    }

    /**
     * Ends this node's active rebuild; false (and nothing changed) when the rebuild is no longer this node's or has
     * ended already (a completed rebuild is never marked failed afterwards).
     */
    boolean finish(UUID id, String nodeId, String state, String error) {
        return jdbc.update("UPDATE projection_rebuilds SET state = ?, error = ?, finished_at = now(),"
                + " heartbeat_at = now() WHERE id = ? AND node_id = ? AND state IN ('running', 'switching')", state,
                error == null ? null : abbreviate(error), id, nodeId) == 1;
    }

    /**
     * Active rebuilds whose node has not been heard of for {@code stale}: this node takes them over. A row another
     * transaction holds is skipped: its owner is at work on it (see {@code Rebuilder.prepare}), and waiting for it
     * would hold this janitor up for as long.
     */
    List<TakeOver> takeOverStale(String nodeId, Duration stale) {
        return jdbc.query("WITH stale AS (SELECT id AS stale_id, node_id AS previous_node FROM projection_rebuilds"
                        + " WHERE state IN ('running', 'switching') AND heartbeat_at < now() - make_interval(secs => ?)"
                        + " FOR UPDATE SKIP LOCKED)"
                        + " UPDATE projection_rebuilds SET node_id = ?, heartbeat_at = now() FROM stale"
                        + " WHERE id = stale_id RETURNING " + COLUMNS + ", previous_node",
                (rs, row) -> new TakeOver(record(rs, row), rs.getString("previous_node")),
                (double) stale.toSeconds(), nodeId);
    }

    /** A rebuild this node has just taken over, and the node whose heartbeat had stopped. */
    record TakeOver(RebuildRecord rebuild, String previousNode) {
    }

    Optional<Integer> storedVersion(String projection) {
        return jdbc.queryForList("SELECT version FROM projection_versions WHERE projection = ?", Integer.class,
                projection).stream().findFirst();
    }

    void storeVersion(String projection, int version) {
        jdbc.update("INSERT INTO projection_versions (projection, version, updated_at) VALUES (?, ?, now())"
                + " ON CONFLICT (projection) DO UPDATE SET version = EXCLUDED.version, updated_at = now()",
                projection, version);
    }

    /** Records the version for a projection seen for the first time; false when one was stored already. */
    boolean storeFirstVersion(String projection, int version) {
        return jdbc.update("INSERT INTO projection_versions (projection, version, updated_at) VALUES (?, ?, now())"
                + " ON CONFLICT (projection) DO NOTHING", projection, version) == 1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static RebuildRecord record(ResultSet rs, int row) throws SQLException {
        return new RebuildRecord(rs.getObject("id", UUID.class), rs.getString("projection"), rs.getString("mode"),
                rs.getString("state"), rs.getInt("target_version"), rs.getString("reason"), rs.getString("node_id"),
                instant(rs.getTimestamp("heartbeat_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getLong("head_at_start"),
                (Long) rs.getObject("position"), (Long) rs.getObject("head"), rs.getString("error"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
