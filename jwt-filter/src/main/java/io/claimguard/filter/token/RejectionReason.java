package io.claimguard.filter.token;

/**
 * Why a request was refused, with the HTTP status and RFC 6750 error code it gets.
 *
 * <p>The {@link #description()} is a fixed text sent in {@code error_description}; it never
 * contains anything taken from the request (a parser's message can quote the payload). The
 * {@link #code()} goes to the log, so that operators can tell the refusals apart.
 */
public enum RejectionReason {
    /** No token was sent where one is required: 401 without an {@code error} attribute. */
    NO_TOKEN(401, null, "Authentication is required"),
    /** More than one Authorization header, or credentials in several places. */
    MULTIPLE_CREDENTIALS(400, "invalid_request", "The request carries more than one credential"),
    /** An Authorization header that is not {@code Bearer <b64token>} (RFC 6750 section 2.1). */
    MALFORMED_AUTHORIZATION(400, "invalid_request", "The Authorization header is malformed"),
    /** An {@code access_token} query parameter while query tokens are not allowed. */
    TOKEN_IN_QUERY(400, "invalid_request", "Tokens in the query string are not accepted"),
    TOKEN_TOO_LARGE(401, "invalid_token", "The access token is invalid"),
    /** Not three base64url parts, padding, non-canonical encoding, or JSON that is not a strict object. */
    MALFORMED_TOKEN(401, "invalid_token", "The access token is invalid"),
    /** Header or payload bytes that are not well-formed UTF-8: overlong forms, encoded surrogates, stray bytes. */
    MALFORMED_UTF8(401, "invalid_token", "The access token is invalid"),
    ALGORITHM_NOT_ALLOWED(401, "invalid_token", "The access token is invalid"),
    TYPE_NOT_ALLOWED(401, "invalid_token", "The access token is invalid"),
    /** {@code crit}, {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code zip}, {@code enc}, {@code p2c} and the like. */
    FORBIDDEN_HEADER(401, "invalid_token", "The access token is invalid"),
    BAD_KEY_ID(401, "invalid_token", "The access token is invalid"),
    UNKNOWN_ISSUER(401, "invalid_token", "The access token is invalid"),
    UNKNOWN_KEY(401, "invalid_token", "The access token is invalid"),
    /** The key exists but may not verify this token: type, curve, algorithm, use or operations differ. */
    KEY_MISMATCH(401, "invalid_token", "The access token is invalid"),
    BAD_SIGNATURE(401, "invalid_token", "The access token is invalid"),
    EXPIRED(401, "invalid_token", "The access token expired"),
    NOT_YET_VALID(401, "invalid_token", "The access token is not valid yet"),
    ISSUED_IN_FUTURE(401, "invalid_token", "The access token is invalid"),
    LIFETIME_TOO_LONG(401, "invalid_token", "The access token is invalid"),
    /** A required claim is missing, or a claim has the wrong JSON type. */
    BAD_CLAIM(401, "invalid_token", "The access token is invalid"),
    WRONG_AUDIENCE(401, "invalid_token", "The access token is invalid"),
    REVOKED(401, "invalid_token", "The access token was revoked"),
    CLIENT_ADDRESS(401, "invalid_token", "The access token is not valid from this address"),
    PERSONAL_DATA_CLAIM(401, "invalid_token", "The access token is invalid"),
    INSUFFICIENT_SCOPE(403, "insufficient_scope", "The access token lacks the required scope"),
    /**
     * The revocation store did not answer, so whether the token was revoked is unknown: 503, and
     * no challenge, since nothing is wrong with the token and a new one would not help.
     */
    REVOCATION_UNAVAILABLE(503, null, "The service is temporarily unavailable");

    private final int status;
    private final String error;
    private final String description;

    RejectionReason(int status, String error, String description) {
        this.status = status;
        this.error = error;
        this.description = description;
    }

    /** 400, 401, 403, or 503 when the revocation store cannot answer. */
    public int status() {
        return status;
    }

    /** The RFC 6750 {@code error} value, or null when no token was sent or the service is unavailable. */
    public String error() {
        return error;
    }

    /** A fixed text; never derived from the request. */
    public String description() {
        return description;
    }

    /** The reason code written to the log, such as {@code bad_signature}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
