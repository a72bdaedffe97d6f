package dev.ledgerline.identity.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.ledgerline.identity.domain.Changes;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.identity.queries.SessionView;
import dev.ledgerline.identity.queries.UserPage;
import dev.ledgerline.identity.queries.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Queries on the read tables users and auth_sessions, and the wait for a client's own writes to show in them. */
@Component
public class IdentityReads {

    private static final Logger log = LoggerFactory.getLogger(IdentityReads.class);
    private static final String USER_COLUMNS = "id, username, email, full_name, roles, is_active, created_at";

    private final JdbcTemplate jdbc;
    private final Duration timeout;

    IdentityReads(JdbcTemplate jdbc, @Value("${ledgerline.read-your-writes.timeout:5s}") Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    public Optional<UserView> user(UserId userId) {
        return jdbc.query("SELECT " + USER_COLUMNS + " FROM users WHERE id = ?", IdentityReads::user, userId.value())
                .stream().findFirst();
    }

    /** The user's live sessions, newest first. */
    public List<SessionView> sessions(UserId userId, SessionId current) {
        return jdbc.query("""
                        SELECT id, created_at, last_used_at, expires_at, user_agent, ip FROM auth_sessions
                        WHERE user_id = ? AND NOT revoked AND expires_at > ? ORDER BY created_at DESC, id""",
                (row, i) -> new SessionView(row.getObject(1, UUID.class), instant(row, 2), instant(row, 3),
                        instant(row, 4), current != null && current.value().equals(row.getObject(1, UUID.class)),
                        row.getString(5), row.getString(6)),
                userId.value(), Timestamp.from(Instant.now()));
    }

    /** Users ordered by username (case-insensitively); {@code query} matches username, email or full name. */
    public UserPage users(String query, Boolean active, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + USER_COLUMNS + " FROM users WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            sql.append(" AND (username ILIKE ? ESCAPE '\\' OR email ILIKE ? ESCAPE '\\' OR full_name ILIKE ? ESCAPE '\\')");
            String pattern = "%" + query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            arguments.addAll(List.of(pattern, pattern, pattern));
        }
        if (active != null) {
            sql.append(" AND is_active = ?");
            arguments.add(active);
        }
        if (cursor != null) {
            sql.append(" AND lower(username) > ?");
            arguments.add(decodeCursor(cursor));
        }
        sql.append(" ORDER BY lower(username) LIMIT ?");
        arguments.add(limit + 1);
        List<UserView> rows = jdbc.query(sql.toString(), IdentityReads::user, arguments.toArray());
        if (rows.size() <= limit) {
            return new UserPage(rows, null);
        }
        List<UserView> page = rows.subList(0, limit);
        return new UserPage(page, encodeCursor(page.get(limit - 1).username().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Waits, bounded, until the read tables show everything {@code changes} wrote. */
    public void await(Changes changes) {
        if (changes.userId() != null) {
            if (changes.userDeleted()) {
                awaitCondition(() -> !exists("SELECT count(*) FROM users WHERE id = ?", changes.userId().value()));
            } else {
                awaitCondition(() -> exists("SELECT count(*) FROM users WHERE id = ? AND version >= ?",
                        changes.userId().value(), changes.userVersion()));
            }
        }
        for (Map.Entry<SessionId, Long> session : changes.sessions().entrySet()) {
            if (!changes.userDeleted()) {
                awaitCondition(() -> exists("SELECT count(*) FROM auth_sessions WHERE id = ? AND version >= ?",
                        session.getKey().value(), session.getValue()));
            }
        }
    }

    /** Waits until the session's row reaches the version. */
    public void await(SessionId sessionId, long version) {
        awaitCondition(() -> exists("SELECT count(*) FROM auth_sessions WHERE id = ? AND version >= ?",
                sessionId.value(), version));
    }

    /** Bad cursors answer 400 through {@link IllegalArgumentException}. */
    public static void checkCursor(String cursor) {
        decodeCursor(cursor);
    }

    private void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 2;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                log.warn("The identity read tables did not catch up within {}", timeout);
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 20);
        }
    }

    private boolean exists(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count != null && count > 0;
    }

    private static UserView user(ResultSet row, int index) throws SQLException {
        return new UserView(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                roles(row.getArray(5)), row.getBoolean(6), instant(row, 7));
    }

    private static List<Role> roles(Array array) throws SQLException {
        List<Role> roles = new ArrayList<>();
        for (Object name : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) name));
        }
        return roles;
    }

    private static Instant instant(ResultSet row, int index) throws SQLException {
        Timestamp timestamp = row.getTimestamp(index);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String encodeCursor(String username) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }
}
