package dev.ledgerline.conversation.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record ToolResultRequest(
        @NotNull(message = "is required") @Size(max = 100_000, message = "must be at most 100000 characters")
        String output,
        @NotNull(message = "is required") @Pattern(regexp = "ok|error", message = "must be ok or error")
        String status) {
}
