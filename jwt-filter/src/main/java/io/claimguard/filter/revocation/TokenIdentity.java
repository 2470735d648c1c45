package io.claimguard.filter.revocation;

import java.time.Instant;

/**
 * What identifies a verified token for revocation and logging: never the token bytes, since an
 * ECDSA signature can be altered into another valid one (a "malleated" copy of the same token).
 *
 * @param issuer    the {@code iss} claim
 * @param subject   the {@code sub} claim
 * @param tokenId   the {@code jti} claim, or null when the token has none
 * @param issuedAt  the {@code iat} claim
 * @param expiresAt the {@code exp} claim: how long a revocation of this token must be kept
 * @param keyId     the {@code kid} header, or null when the token has none
 */
public record TokenIdentity(String issuer, String subject, String tokenId, Instant issuedAt, Instant expiresAt,
                            String keyId) {
    private static final int LOGGED_LENGTH = 128;

    /**
     * {@code iss=... sub=... jti=...} for log lines: each value cut to 128 characters, control
     * characters replaced by {@code ?} (verified claims can still hold anything, and a line break
     * would forge a log line), {@code -} for a missing value.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64);
        append(out.append("iss="), issuer);
        append(out.append(" sub="), subject);
        append(out.append(" jti="), tokenId);
        return out.toString();
    }

    private static void append(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
            return;
        }
        for (int i = 0; i < value.length() && i < LOGGED_LENGTH; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
    }
}
