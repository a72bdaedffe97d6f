package dev.ledgerline.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import dev.ledgerline.identity.events.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the configured first admin at start, when no admin exists yet. */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final IdentityProperties.Admin admin;
    private final AccountStore accounts;
    private final AccountService accountService;

    FirstAdmin(IdentityProperties properties, AccountStore accounts, AccountService accountService) {
        this.admin = properties.admin();
        this.accounts = accounts;
        this.accountService = accountService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.configured() || accounts.anyAdmin()) {
            return;
        }
        int length = admin.password().getBytes(StandardCharsets.UTF_8).length;
        if (length < 8 || length > 72) {
            throw new IllegalStateException("LEDGERLINE_ADMIN_PASSWORD must be 8 to 72 UTF-8 bytes long");
        }
        if (!admin.username().matches("[A-Za-z0-9_.-]{3,50}") || !admin.email().contains("@")) {
            throw new IllegalStateException("LEDGERLINE_ADMIN_USERNAME must be 3 to 50 of [A-Za-z0-9_.-] and "
                    + "LEDGERLINE_ADMIN_EMAIL an email address");
        }
        try {
            accountService.register(admin.username(), admin.email(), admin.password(), admin.username(),
                    Set.of(Role.USER, Role.ADMIN));
            log.info("Created the first admin '{}'", admin.username());
        } catch (IdentityProblem e) {
            // another node created it a moment ago, or the name belongs to an existing non-admin user
            log.warn("The first admin '{}' was not created: {}", admin.username(), e.slug());
        }
    }
}
