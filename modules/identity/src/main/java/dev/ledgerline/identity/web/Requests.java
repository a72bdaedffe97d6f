package dev.ledgerline.identity.web;

import java.util.Set;

import dev.ledgerline.identity.events.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the identity routes; their field names and messages are part of the contract. */
final class Requests {

    static final String USERNAME = "[A-Za-z0-9_.-]{3,50}";
    static final String USERNAME_MESSAGE = "must be 3 to 50 characters: letters, digits, '_', '.', '-'";
    static final String PRINTABLE = "[^\\p{Cntrl}]*";
    static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private Requests() {
    }

    record Register(
            @NotNull @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotNull @Email @Size(max = 254) String email,
            @NotNull @Utf8Size(min = 8, max = 72) String password,
            @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String fullName) {

        @Override
        public String toString() {
            return "Register[username=" + username + "]";
        }
    }

    record Login(@NotBlank @Size(max = 320) String username, @NotEmpty @Utf8Size(max = 72) String password) {

        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    record RefreshToken(@NotBlank @Size(max = 200) String refreshToken) {

        @Override
        public String toString() {
            return "RefreshToken[redacted]";
        }
    }

    record ChangeProfile(@Pattern(regexp = ".*\\S.*", message = "must not be blank")
                         @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) @Size(max = 100) String fullName,
                         @Email @Size(max = 254) String email) {
    }

    record ChangePassword(@NotEmpty @Utf8Size(max = 72) String currentPassword,
                          @NotNull @Utf8Size(min = 8, max = 72) String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[redacted]";
        }
    }

    record ConfirmPassword(@NotEmpty @Utf8Size(max = 72) String password) {

        @Override
        public String toString() {
            return "ConfirmPassword[redacted]";
        }
    }

    record ChangeRoles(@NotNull Set<@NotNull Role> roles) {
    }
}
