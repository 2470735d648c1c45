package io.claimguard.filter.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocations held in this JVM: single tokens by {@code (iss, jti)}, everything a subject was
 * issued before a cutoff, everything issued before a global cutoff, and every token signed with
 * a withdrawn key id. Thread-safe; a revocation is seen by the next request on any thread. Only
 * this instance sees it: several instances share revocations through {@link RedisRevocations}.
 */
public final class InMemoryRevocations implements RevocationStore {
    private record IssuerAnd(String issuer, String value) {
    }

    private final Clock clock;
    private final Map<IssuerAnd, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<IssuerAnd, Instant> subjectCutoffs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> keyIds = new ConcurrentHashMap<>();
    private volatile Instant globalCutoff = Instant.MIN;

    public InMemoryRevocations() {
        this(Clock.systemUTC());
    }

    public InMemoryRevocations(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void revokeToken(String issuer, String tokenId, Instant keepUntil) {
        tokens.put(new IssuerAnd(issuer, tokenId), keepUntil.plus(KEPT_PAST_EXPIRY));
        if (tokens.size() % 1024 == 0) {
            dropExpired();
        }
    }

    @Override
    public void revokeSubjectBefore(String issuer, String subject, Instant cutoff) {
        subjectCutoffs.merge(new IssuerAnd(issuer, subject), cutoff, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public void revokeAllBefore(Instant cutoff) {
        synchronized (this) {
            if (cutoff.isAfter(globalCutoff)) {
                globalCutoff = cutoff;
            }
        }
    }

    @Override
    public void revokeKey(String keyId) {
        keyIds.put(keyId, Boolean.TRUE);
    }

    @Override
    public boolean isRevoked(TokenIdentity token, byte[] client) {
        Instant issued = token.issuedAt();
        if (issued.isBefore(globalCutoff)) {
            return true;
        }
        if (token.keyId() != null && keyIds.containsKey(token.keyId())) {
            return true;
        }
        Instant subjectCutoff = subjectCutoffs.get(new IssuerAnd(token.issuer(), token.subject()));
        if (subjectCutoff != null && issued.isBefore(subjectCutoff)) {
            return true;
        }
        return token.tokenId() != null && tokens.containsKey(new IssuerAnd(token.issuer(), token.tokenId()));
    }

    @Override
    public RevocationStatus status() {
        dropExpired();
        Instant cutoff = globalCutoff;
        return new RevocationStatus("memory", cutoff.equals(Instant.MIN) ? null : cutoff,
                keyIds.keySet().stream().sorted().toList(), subjectCutoffs.size(), tokens.size());
    }

    private void dropExpired() {
        Instant now = clock.instant();
        tokens.values().removeIf(until -> until.isBefore(now));
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
