package io.claimguard.filter.revocation;

import java.time.Instant;

/**
 * What identifies a verified token for revocation and logging: never the token bytes, since an
 * ECDSA signature can be altered into another valid one (a "malleated" copy of the same token).
 *
 * @param issuer   the {@code iss} claim
 * @param subject  the {@code sub} claim
 * @param tokenId  the {@code jti} claim, or null when the token has none
 * @param issuedAt the {@code iat} claim
 * @param keyId    the {@code kid} header, or null when the token has none
 */
public record TokenIdentity(String issuer, String subject, String tokenId, Instant issuedAt, String keyId) {
    @Override
    public String toString() {
        return "iss=" + issuer + " sub=" + subject + " jti=" + tokenId;
    }
}
