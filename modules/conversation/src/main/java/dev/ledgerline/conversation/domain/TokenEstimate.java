package dev.ledgerline.conversation.domain;

/** A message's token count when the client gives none: a quarter of its characters (UTF-16 units), rounded up. */
final class TokenEstimate {

    private TokenEstimate() {
    }

    static long of(String content) {
        return (content.length() + 3L) / 4;
    }
}
