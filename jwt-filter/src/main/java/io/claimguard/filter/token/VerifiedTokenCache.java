package io.claimguard.filter.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;

/**
 * Tokens that passed full verification, by their exact text, bounded in number and never kept
 * past their {@code exp} plus the leeway. What a hit skips is only the work that cannot change
 * (parsing, signature, claim types); expiry and revocation are still checked on every request.
 */
final class VerifiedTokenCache {
    private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    private final Cache<String, VerifiedToken> tokens;

    /** @param size 0 keeps nothing (Caffeine evicts asynchronously, so a size-0 cache could still answer) */
    VerifiedTokenCache(int size, long leewaySeconds, Clock clock) {
        this.tokens = size == 0 ? null : Caffeine.newBuilder()
                // Maintenance on the calling thread: handing it to the common pool costs a thread
                // wake-up on the hot path every few requests, more than the work itself.
                .executor(Runnable::run)
                .maximumSize(size)
                .expireAfter(Expiry.<String, VerifiedToken>creating((token, verified) -> {
                    long seconds = verified.expiresAt().getEpochSecond() + leewaySeconds - clock.instant().getEpochSecond();
                    return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_SECONDS)));
                }))
                .build();
    }

    /** The earlier result for exactly this token text, or null. */
    VerifiedToken get(String token) {
        return tokens == null ? null : tokens.getIfPresent(token);
    }

    void put(String token, VerifiedToken verified) {
        if (tokens != null) {
            tokens.put(token, verified);
        }
    }
}
