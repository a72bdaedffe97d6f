package dev.ledgerline.identity.web;

import java.net.URI;
import java.util.UUID;

import dev.ledgerline.identity.api.CurrentUser;
import dev.ledgerline.identity.domain.AccountService;
import dev.ledgerline.identity.domain.SessionService;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.identity.projection.IdentityReads;
import dev.ledgerline.identity.queries.UserPage;
import dev.ledgerline.identity.queries.UserView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    private final AccountService accounts;
    private final SessionService sessions;
    private final IdentityReads reads;
    private final CurrentUser currentUser;

    AdminController(AccountService accounts, SessionService sessions, IdentityReads reads, CurrentUser currentUser) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GetMapping
    UserPage users(@RequestParam(required = false) @Size(max = 100) String q,
                   @RequestParam(required = false) Boolean active,
                   @RequestParam(required = false) @Size(max = 200) String cursor,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (cursor != null) {
            try {
                IdentityReads.checkCursor(cursor);
            } catch (IllegalArgumentException e) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "Parameter 'cursor' is not a cursor this API returned.");
                problem.setType(URI.create("https://ledgerline.dev/problems/malformed-request"));
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
            }
        }
        return reads.users(q, active, cursor, limit);
    }

    @PutMapping("/{id}/roles")
    UserView changeRoles(@PathVariable UUID id, @Valid @RequestBody Requests.ChangeRoles body) {
        return Views.user(reads, accounts.changeRoles(new UserId(id), body.roles(), currentUser.id()));
    }

    @PostMapping("/{id}/deactivate")
    UserView deactivate(@PathVariable UUID id) {
        return Views.user(reads, accounts.deactivate(new UserId(id), currentUser.id()));
    }

    @PostMapping("/{id}/reactivate")
    UserView reactivate(@PathVariable UUID id) {
        return Views.user(reads, accounts.reactivate(new UserId(id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        reads.await(accounts.delete(new UserId(id), currentUser.id()));
    }

    @DeleteMapping("/{id}/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeSessions(@PathVariable UUID id) {
        reads.await(sessions.revokeAllByAdmin(new UserId(id)));
    }
}
