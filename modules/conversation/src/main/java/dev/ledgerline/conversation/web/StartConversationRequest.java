package dev.ledgerline.conversation.web;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

record StartConversationRequest(
        @Size(max = 200, message = "must be at most 200 characters") String title,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10_000_000, message = "must be at most 10000000")
        Long capacityMax,
        @Future(message = "must be in the future") Instant expiresAt) {
}
