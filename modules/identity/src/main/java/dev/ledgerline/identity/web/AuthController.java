package dev.ledgerline.identity.web;

import java.util.List;
import java.util.UUID;

import dev.ledgerline.identity.api.CurrentUser;
import dev.ledgerline.identity.domain.AccountService;
import dev.ledgerline.identity.domain.Changes;
import dev.ledgerline.identity.domain.SessionService;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.projection.IdentityReads;
import dev.ledgerline.identity.queries.SessionView;
import dev.ledgerline.identity.queries.UserView;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;
    private final IdentityReads reads;
    private final CurrentUser currentUser;

    AuthController(AccountService accounts, SessionService sessions, IdentityReads reads, CurrentUser currentUser) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    UserView register(@Valid @RequestBody Requests.Register body) {
        Changes changes = accounts.register(body.username(), body.email(), body.password(), body.fullName());
        return Views.user(reads, changes);
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody Requests.Login body,
                                        @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String agent) {
        SessionService.Tokens tokens = sessions.login(body.username(), body.password(), agent);
        reads.await(tokens.sessionId(), tokens.sessionVersion());
        return noStore(tokens);
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody Requests.RefreshToken body) {
        SessionService.Tokens tokens = sessions.refresh(body.refreshToken());
        reads.await(tokens.sessionId(), tokens.sessionVersion());
        return noStore(tokens);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody Requests.RefreshToken body) {
        reads.await(sessions.logout(body.refreshToken()));
    }

    @GetMapping("/sessions")
    List<SessionView> sessions() {
        return reads.sessions(currentUser.id(), currentUser.sessionId());
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        reads.await(sessions.revoke(currentUser.id(), new SessionId(id)));
    }

    private static ResponseEntity<TokenResponse> noStore(SessionService.Tokens tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(tokens));
    }
}
