package io.claimguard.filter.revocation;

/**
 * The revocation store could not answer: whether a token was revoked is unknown, so the request
 * is refused (the filter answers 503), and an administrative change was not made. The message
 * names the store by host and port and the error by its class; never a password, a token or a
 * claim value.
 *
 * <p>No stack trace is captured: during an outage every request ends here.
 */
public final class RevocationUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RevocationUnavailableException(String message) {
        super(message, null, false, false);
    }
}
