package dev.ledgerline.identity.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ledgerline.identity.commands.PasswordHash;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.UserId;

/** The account store of aggregate tests: claims and credentials in maps; a password matches when it equals the hash. */
class InMemoryAccountStore implements AccountStore {

    final Map<String, UserId> claims = new HashMap<>();
    final Map<UserId, String> hashes = new HashMap<>();
    final Map<UserId, Set<Role>> roles = new HashMap<>();
    final Map<UserId, Boolean> active = new HashMap<>();

    void claimedBySomeoneElse(String kind, String value) {
        claims.put(kind + ":" + value.toLowerCase(Locale.ROOT), UserId.random());
    }

    void credentials(UserId userId, String password) {
        hashes.put(userId, password);
    }

    @Override
    public boolean claimUsername(UserId userId, String username) {
        return claim("username", username, userId);
    }

    @Override
    public boolean claimEmail(UserId userId, String email) {
        return claim("email", email, userId);
    }

    @Override
    public boolean moveEmail(UserId userId, String oldEmail, String newEmail) {
        if (!claimEmail(userId, newEmail)) {
            return false;
        }
        if (!oldEmail.equalsIgnoreCase(newEmail)) {
            claims.remove("email:" + oldEmail.toLowerCase(Locale.ROOT), userId);
        }
        return true;
    }

    @Override
    public void createCredentials(UserId userId, PasswordHash hash, Set<Role> roles) {
        hashes.put(userId, hash.value());
        this.roles.put(userId, roles);
        active.put(userId, true);
    }

    @Override
    public boolean passwordMatches(UserId userId, String password) {
        return password.equals(hashes.get(userId));
    }

    @Override
    public void changePassword(UserId userId, PasswordHash hash) {
        hashes.put(userId, hash.value());
    }

    @Override
    public void changeRoles(UserId userId, Set<Role> roles) {
        this.roles.put(userId, roles);
    }

    @Override
    public void changeActive(UserId userId, boolean active) {
        this.active.put(userId, active);
    }

    @Override
    public void delete(UserId userId) {
        hashes.remove(userId);
        claims.values().removeIf(userId::equals);
    }

    @Override
    public Optional<Account> findByLogin(String login) {
        return Optional.empty();
    }

    @Override
    public boolean anyAdmin() {
        return false;
    }

    private boolean claim(String kind, String value, UserId userId) {
        return userId.equals(claims.computeIfAbsent(kind + ":" + value.toLowerCase(Locale.ROOT), key -> userId));
    }
}
