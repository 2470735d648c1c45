package io.claimguard.filter.token;

import io.claimguard.filter.revocation.TokenIdentity;
import java.util.Objects;

/**
 * A token or request that ClaimGuard refuses. The message is the reason's fixed description, so
 * it never contains the token, a claim value or a parser message; {@link #identity()} carries the
 * verified {@code iss}, {@code sub} and {@code jti} when the signature had been checked before
 * the refusal, for the log.
 *
 * <p>No stack trace is captured: refusals are ordinary outcomes, and a flood of bad tokens must
 * not cost a stack walk each.
 */
public final class TokenRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;
    private final transient TokenIdentity identity;

    public TokenRejectedException(RejectionReason reason) {
        this(reason, null);
    }

    public TokenRejectedException(RejectionReason reason, TokenIdentity identity) {
        super(reason.description(), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.identity = identity;
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The verified identity, or null when the refusal came before the signature was verified. */
    public TokenIdentity identity() {
        return identity;
    }

    TokenRejectedException withIdentity(TokenIdentity verified) {
        return identity != null ? this : new TokenRejectedException(reason, verified);
    }
}
