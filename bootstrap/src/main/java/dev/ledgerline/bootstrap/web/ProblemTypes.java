package dev.ledgerline.bootstrap.web;

import java.net.URI;

/** The problem types answered for failures that no module owns. The README lists every type. */
public final class ProblemTypes {

    public static final String BASE = "https://ledgerline.dev/problems/";
    public static final URI VALIDATION_FAILED = of("validation-failed");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI CONFLICT = of("conflict");
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
