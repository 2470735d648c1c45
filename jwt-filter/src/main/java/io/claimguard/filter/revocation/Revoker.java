package io.claimguard.filter.revocation;

import java.time.Duration;
import java.time.Instant;

/**
 * Withdraws tokens before they expire: the administrative side of a revocation store. The filter
 * publishes the one it uses as the servlet context attribute
 * {@code io.claimguard.filter.revocation.Revoker}, and {@link RevocationCommand} drives it from
 * the command line. Every change takes effect on the next request that the store's instances
 * check (with a shared store, on every instance; see {@link RedisRevocations} for the bound);
 * nothing is ever un-revoked, and cutoffs only move forward.
 *
 * <p>Cutoffs compare with a token's {@code iat}, which has whole seconds: a token issued in the
 * same second as the cutoff is revoked too.
 *
 * <p>Every method throws {@link RevocationUnavailableException} when the store cannot be reached;
 * the change was then not made.
 */
public interface Revoker {
    /**
     * How long a revoked token's entry outlives the {@code keepUntil} it was given: the verifier
     * accepts a token up to its {@code exp} plus the leeway, and this covers leeways up to ten
     * minutes (the most the configuration allows).
     */
    Duration KEPT_PAST_EXPIRY = Duration.ofMinutes(10);

    /**
     * Denies the token {@code (issuer, tokenId)}. {@code keepUntil} should be the token's
     * {@code exp}; the entry is dropped {@link #KEPT_PAST_EXPIRY} after it, once the token would
     * be refused as expired anyway.
     */
    void revokeToken(String issuer, String tokenId, Instant keepUntil);

    /** Denies every token of {@code subject} from {@code issuer} issued before {@code cutoff}. */
    void revokeSubjectBefore(String issuer, String subject, Instant cutoff);

    /** Denies every token whose {@code kid} header names {@code keyId}, even while a JWKS still serves the key. */
    void revokeKey(String keyId);

    /** The kill switch: denies every token issued before {@code cutoff}. */
    void revokeAllBefore(Instant cutoff);

    /** What the store holds now. */
    RevocationStatus status();
}
