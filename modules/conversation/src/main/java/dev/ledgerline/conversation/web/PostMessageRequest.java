package dev.ledgerline.conversation.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

record PostMessageRequest(
        @NotNull(message = "is required") @Pattern(regexp = "user|assistant|system",
                message = "must be one of user, assistant, system") String role,
        @NotNull(message = "is required") @Size(min = 1, max = 100_000,
                message = "must be 1 to 100000 characters") String content,
        @PositiveOrZero(message = "must not be negative") @Max(value = 10_000_000, message = "must be at most 10000000")
        Long tokenCount,
        @Size(max = 64, message = "must hold at most 64 tool calls")
        List<@NotNull(message = "must not be null") @Valid ToolCallRequest> toolCalls) {

    record ToolCallRequest(
            @NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}",
                    message = "must be 1 to 128 of A-Z a-z 0-9 _ . : -") String callId,
            @NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9_.-]{1,128}",
                    message = "must be 1 to 128 of A-Z a-z 0-9 _ . -") String name,
            ObjectNode arguments) {
    }
}
