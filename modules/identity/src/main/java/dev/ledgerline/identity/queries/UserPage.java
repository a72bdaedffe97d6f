package dev.ledgerline.identity.queries;

import java.util.List;

/** A page of users ordered by username; {@code nextCursor} is null on the last page. */
public record UserPage(List<UserView> items, String nextCursor) {

    public UserPage {
        items = List.copyOf(items);
    }
}
