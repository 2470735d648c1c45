package io.claimguard.filter.revocation;

/**
 * Decides whether a verified token was revoked. Consulted on every request, also for tokens
 * served from the verified-token cache, so that a revocation takes effect on the next request.
 *
 * <p>Implementations key on {@link TokenIdentity} ({@code iss} and {@code jti}, the subject, the
 * issue time, the key id), never on the token text: an ECDSA signature can be rewritten into a
 * second valid signature, so one token has several spellings. They must be thread-safe and fast;
 * {@link InMemoryRevocations} is the in-process implementation.
 */
public interface Revocations {
    boolean isRevoked(TokenIdentity token);
}
