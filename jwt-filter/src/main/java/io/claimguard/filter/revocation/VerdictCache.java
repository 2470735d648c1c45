package io.claimguard.filter.revocation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Recent answers of the shared store, per token, each kept for at most the configured time.
 * {@link #invalidate()} (on every revocation message) forgets them all, and also every answer
 * still on its way back from Redis: an answer read before a revocation must not be cached after
 * the revocation's message has been handled. Each answer carries the generation in which its
 * lookup started, and only answers of the current generation count.
 */
final class VerdictCache {
    private static final int MAX_TOKENS = 100_000;

    private record Verdict(boolean revoked, long generation) {
    }

    private final Cache<TokenIdentity, Verdict> verdicts;
    private volatile long generation;

    VerdictCache(Duration keep) {
        this.verdicts = Caffeine.newBuilder()
                .executor(Runnable::run)   // as the verified-token cache: no thread hand-off on the request path
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(keep)
                .build();
    }

    /** The generation to pass to {@link #put} for a lookup starting now. */
    long generation() {
        return generation;
    }

    /** The cached answer, or null. */
    Boolean get(TokenIdentity token) {
        Verdict verdict = verdicts.getIfPresent(token);
        return verdict == null || verdict.generation != generation ? null : verdict.revoked;
    }

    void put(TokenIdentity token, boolean revoked, long startedIn) {
        if (startedIn == generation) {
            verdicts.put(token, new Verdict(revoked, startedIn));
        }
    }

    synchronized void invalidate() {
        generation++;
        verdicts.invalidateAll();
    }
}
