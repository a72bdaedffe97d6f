package dev.ledgerline.conversation.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An empty or blank title clears it. */
record RenameConversationRequest(
        @NotNull(message = "is required (an empty string clears the title)")
        @Size(max = 200, message = "must be at most 200 characters") String title) {
}
