package io.claimguard.filter.token;

import io.claimguard.core.Subject;
import io.claimguard.filter.revocation.TokenIdentity;
import java.time.Instant;
import java.util.List;

/**
 * A token whose signature and claims passed every check, as the filter hands it on: the
 * {@link Subject} built from its claims and the identity used for revocation and logs.
 * Immutable; one instance may serve every request that presents the same token until it expires.
 */
public final class VerifiedToken {
    private final Subject subject;
    private final TokenIdentity identity;
    private final Instant notBefore;
    /** Networks the token may be used from, or null when it is not bound to any. */
    private final List<AddressRange> networks;

    VerifiedToken(Subject subject, TokenIdentity identity, Instant notBefore, List<AddressRange> networks) {
        this.subject = subject;
        this.identity = identity;
        this.notBefore = notBefore;
        this.networks = networks;
    }

    public Subject subject() {
        return subject;
    }

    public TokenIdentity identity() {
        return identity;
    }

    public Instant expiresAt() {
        return identity.expiresAt();
    }

    Instant notBefore() {
        return notBefore;
    }

    boolean usableFrom(byte[] client) {
        if (networks == null) {
            return true;
        }
        if (client == null) {
            return false;
        }
        for (AddressRange range : networks) {
            if (range.contains(client)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "VerifiedToken[" + identity + "]";
    }
}
