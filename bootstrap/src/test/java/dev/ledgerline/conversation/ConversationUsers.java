package dev.ledgerline.conversation;

import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;

/** Fresh registered, logged-in users for the conversation end-to-end tests. */
final class ConversationUsers {

    private ConversationUsers() {
    }

    static ConversationClient newClient(Http http) {
        return new ConversationClient(http, TestUsers.register(http, "talker").accessToken());
    }
}
