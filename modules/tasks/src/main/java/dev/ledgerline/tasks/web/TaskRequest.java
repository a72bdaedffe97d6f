package dev.ledgerline.tasks.web;

/**
 * The body of POST (title required) and PATCH (each field optional; absent or null leaves it unchanged, an empty
 * description removes it). The aggregate validates both, so the rules live in one place.
 */
record TaskRequest(String title, String description) {
}
