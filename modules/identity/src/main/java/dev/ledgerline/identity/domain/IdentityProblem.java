package dev.ledgerline.identity.domain;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A failure of the identity module that a client caused; rendered as problem+json with a stable type. */
public class IdentityProblem extends ErrorResponseException {

    public static final String BASE = "https://ledgerline.dev/problems/";
    private final String slug;

    IdentityProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, problem(status, slug, title, detail), null);
        this.slug = slug;
        if (status == HttpStatus.UNAUTHORIZED) {
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }

    public String slug() {
        return slug;
    }

    @Override
    public String getMessage() {
        return slug;
    }

    public static IdentityProblem usernameTaken() {
        return new IdentityProblem(HttpStatus.CONFLICT, "username-taken", "Username taken",
                "This username is already in use.");
    }

    public static IdentityProblem emailTaken() {
        return new IdentityProblem(HttpStatus.CONFLICT, "email-taken", "Email taken",
                "This email address is already in use.");
    }

    public static IdentityProblem invalidCredentials() {
        return new IdentityProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                "The username or password is wrong.");
    }

    public static IdentityProblem incorrectPassword() {
        return new IdentityProblem(HttpStatus.BAD_REQUEST, "incorrect-password", "Incorrect password",
                "The password given to confirm this change is wrong.");
    }

    public static IdentityProblem invalidRefreshToken() {
        return new IdentityProblem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired, revoked or already used; log in again.");
    }

    public static IdentityProblem refreshTokenReused() {
        return new IdentityProblem(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "Refresh token reused",
                "This refresh token was already exchanged; the session has been revoked. Log in again.");
    }

    public static IdentityProblem tooManyLoginAttempts(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        IdentityProblem problem = new IdentityProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
                "Too many login attempts", "Too many failed logins for this account; retry after " + seconds + " s.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    public static IdentityProblem selfAdministration() {
        return new IdentityProblem(HttpStatus.CONFLICT, "self-administration", "Not on your own account",
                "An admin cannot remove their own ADMIN role, or deactivate or delete themself, through the admin "
                        + "routes.");
    }

    public static IdentityProblem userInactive() {
        return new IdentityProblem(HttpStatus.CONFLICT, "user-deactivated", "User deactivated",
                "The user is deactivated.");
    }

    public static IdentityProblem sessionNotFound() {
        return new IdentityProblem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such resource.");
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}
