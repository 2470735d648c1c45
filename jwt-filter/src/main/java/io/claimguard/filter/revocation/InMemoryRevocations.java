package io.claimguard.filter.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocations held in this JVM: single tokens by {@code (iss, jti)}, everything a subject was
 * issued before a cutoff, everything issued before a global cutoff, and every token signed with
 * a withdrawn key id. Thread-safe; a revocation is seen by the next request on any thread.
 */
public final class InMemoryRevocations implements Revocations {
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

    /**
     * Denies the token {@code (issuer, tokenId)}; the entry may be dropped after {@code keepUntil},
     * which should be the token's {@code exp} (an expired token is refused anyway).
     */
    public void revokeToken(String issuer, String tokenId, Instant keepUntil) {
        tokens.put(new IssuerAnd(issuer, tokenId), keepUntil);
        if (tokens.size() % 1024 == 0) {
            Instant now = clock.instant();
            tokens.values().removeIf(until -> until.isBefore(now));
        }
    }

    /** Denies every token of {@code subject} from {@code issuer} issued before {@code cutoff}. */
    public void revokeSubjectBefore(String issuer, String subject, Instant cutoff) {
        subjectCutoffs.merge(new IssuerAnd(issuer, subject), cutoff, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Denies every token issued before {@code cutoff}. */
    public void revokeAllBefore(Instant cutoff) {
        synchronized (this) {
            if (cutoff.isAfter(globalCutoff)) {
                globalCutoff = cutoff;
            }
        }
    }

    /** Denies every token whose header names {@code keyId}. */
    public void revokeKey(String keyId) {
        keyIds.put(keyId, Boolean.TRUE);
    }

    @Override
    public boolean isRevoked(TokenIdentity token) {
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
}
