package dev.ledgerline.identity.web;

import dev.ledgerline.identity.api.CurrentUser;
import dev.ledgerline.identity.domain.AccountService;
import dev.ledgerline.identity.projection.IdentityReads;
import dev.ledgerline.identity.queries.UserView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
class UserController {

    private final AccountService accounts;
    private final IdentityReads reads;
    private final CurrentUser currentUser;

    UserController(AccountService accounts, IdentityReads reads, CurrentUser currentUser) {
        this.accounts = accounts;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GetMapping
    UserView me() {
        return reads.user(currentUser.id()).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
    }

    @PatchMapping
    UserView changeProfile(@Valid @RequestBody Requests.ChangeProfile body) {
        return Views.user(reads, accounts.changeProfile(currentUser.id(), body.fullName(), body.email()));
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody Requests.ChangePassword body) {
        reads.await(accounts.changePassword(currentUser.id(), currentUser.sessionId(), body.currentPassword(),
                body.newPassword()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@Valid @RequestBody Requests.ConfirmPassword body) {
        reads.await(accounts.deleteOwnAccount(currentUser.id(), body.password()));
    }
}
