package dev.ledgerline.identity.domain;

import dev.ledgerline.identity.commands.PasswordHash;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** bcrypt at cost 12. A login for an unknown name is checked against a dummy hash, so it takes just as long. */
@Component
class Passwords {

    static final int COST = 12;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(COST);
    private final String dummyHash = encoder.encode("not a password anyone has: " + System.nanoTime());

    PasswordHash hash(String password) {
        return new PasswordHash(encoder.encode(password));
    }

    boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    /** Spends the same time as {@link #matches} and fails. */
    boolean matchesNothing(String password) {
        encoder.matches(password == null ? "" : password, dummyHash);
        return false;
    }
}
