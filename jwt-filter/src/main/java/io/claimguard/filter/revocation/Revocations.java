package io.claimguard.filter.revocation;

/**
 * Decides whether a verified token was revoked. Consulted on every request, also for tokens
 * served from the verified-token cache, so that a revocation takes effect on the next request.
 *
 * <p>Implementations key on {@link TokenIdentity} ({@code iss} and {@code jti}, the subject, the
 * issue time, the key id), never on the token text: an ECDSA signature can be rewritten into a
 * second valid signature, so one token has several spellings. They must be thread-safe and fast;
 * {@link InMemoryRevocations} serves one instance, {@link RedisRevocations} several sharing Redis.
 */
public interface Revocations {
    /**
     * @param token  the verified token's identity
     * @param client the address the request came from (4 or 16 bytes), for misuse detection; null
     *               when it cannot be told
     * @throws RevocationUnavailableException when the answer cannot be known (the store is
     *         unreachable): the request must then be refused, never let through
     */
    boolean isRevoked(TokenIdentity token, byte[] client);
}
