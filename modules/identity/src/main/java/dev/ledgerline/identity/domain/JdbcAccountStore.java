package dev.ledgerline.identity.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ledgerline.identity.commands.PasswordHash;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link AccountStore} on the tables identity_credentials and identity_claims (V10). */
@Component
class JdbcAccountStore implements AccountStore {

    private static final String USERNAME = "username";
    private static final String EMAIL = "email";

    private final JdbcTemplate jdbc;
    private final Passwords passwords;
    private final AccessCheck accessCheck;

    JdbcAccountStore(JdbcTemplate jdbc, Passwords passwords, AccessCheck accessCheck) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.accessCheck = accessCheck;
    }

    @Override
    public boolean claimUsername(UserId userId, String username) {
        return claim(USERNAME, username, userId);
    }

    @Override
    public boolean claimEmail(UserId userId, String email) {
        return claim(EMAIL, email, userId);
    }

    @Override
    public boolean moveEmail(UserId userId, String oldEmail, String newEmail) {
        if (!claim(EMAIL, newEmail, userId)) {
            return false;
        }
        jdbc.update("DELETE FROM identity_claims WHERE kind = ? AND value = lower(?) AND value <> lower(?) "
                + "AND user_id = ?", EMAIL, oldEmail.trim(), newEmail.trim(), userId.value());
        return true;
    }

    @Override
    public void createCredentials(UserId userId, PasswordHash hash, Set<Role> roles) {
        jdbc.update("INSERT INTO identity_credentials (user_id, password_hash, active, roles, updated_at) "
                + "VALUES (?, ?, TRUE, ?, ?)", userId.value(), hash.value(), format(roles), now());
    }

    @Override
    public boolean passwordMatches(UserId userId, String password) {
        return jdbc.query("SELECT password_hash FROM identity_credentials WHERE user_id = ?",
                        (row, i) -> row.getString(1), userId.value()).stream()
                .findFirst()
                .map(hash -> passwords.matches(password, hash))
                .orElseGet(() -> passwords.matchesNothing(password));
    }

    @Override
    public void changePassword(UserId userId, PasswordHash hash) {
        jdbc.update("UPDATE identity_credentials SET password_hash = ?, updated_at = ? WHERE user_id = ?",
                hash.value(), now(), userId.value());
    }

    @Override
    public void changeRoles(UserId userId, Set<Role> roles) {
        jdbc.update("UPDATE identity_credentials SET roles = ?, updated_at = ? WHERE user_id = ?",
                format(roles), now(), userId.value());
        AfterCommit.run(accessCheck::forgetAll);
    }

    @Override
    public void changeActive(UserId userId, boolean active) {
        jdbc.update("UPDATE identity_credentials SET active = ?, updated_at = ? WHERE user_id = ?",
                active, now(), userId.value());
        AfterCommit.run(accessCheck::forgetAll);
    }

    @Override
    public void delete(UserId userId) {
        jdbc.update("DELETE FROM identity_credentials WHERE user_id = ?", userId.value());
        jdbc.update("DELETE FROM identity_claims WHERE user_id = ?", userId.value());
        AfterCommit.run(accessCheck::forgetAll);
    }

    @Override
    public Optional<Account> findByLogin(String login) {
        String value = login.trim();
        return jdbc.query("SELECT c.user_id, c.password_hash, c.active, c.roles FROM identity_claims k "
                        + "JOIN identity_credentials c ON c.user_id = k.user_id WHERE k.kind = ? AND k.value = lower(?)",
                (row, i) -> new Account(new UserId(row.getObject(1, UUID.class)), row.getString(2),
                        row.getBoolean(3), parse(row.getString(4))),
                value.contains("@") ? EMAIL : USERNAME, value).stream().findFirst();
    }

    @Override
    public boolean anyAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM identity_credentials WHERE ',' || roles || ',' LIKE ?)",
                Boolean.class, "%," + Role.ADMIN.name() + ",%"));
    }

    /**
     * Lower case is PostgreSQL's {@code lower()}, the function the read table's unique index on lower(email) uses,
     * so that the two can never disagree about which addresses are the same.
     */
    private boolean claim(String kind, String value, UserId userId) {
        // ON CONFLICT waits for a concurrent claim of the same value to commit or roll back, then sees it
        int inserted = jdbc.update("INSERT INTO identity_claims (kind, value, user_id, claimed_at) "
                + "VALUES (?, lower(?), ?, ?) ON CONFLICT (kind, value) DO NOTHING",
                kind, value.trim(), userId.value(), now());
        return inserted == 1 || jdbc.queryForList(
                "SELECT user_id FROM identity_claims WHERE kind = ? AND value = lower(?)",
                UUID.class, kind, value.trim()).contains(userId.value());
    }

    static String normalize(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }

    static String format(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> parse(String roles) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        for (String name : roles.split(",")) {
            if (!name.isBlank()) {
                result.add(Role.valueOf(name));
            }
        }
        return result;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
