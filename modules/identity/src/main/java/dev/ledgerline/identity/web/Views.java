package dev.ledgerline.identity.web;

import dev.ledgerline.identity.domain.Changes;
import dev.ledgerline.identity.projection.IdentityReads;
import dev.ledgerline.identity.queries.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

final class Views {

    private Views() {
    }

    /** The user as the read table shows them once it has caught up with {@code changes}. */
    static UserView user(IdentityReads reads, Changes changes) {
        reads.await(changes);
        return reads.user(changes.userId())
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
