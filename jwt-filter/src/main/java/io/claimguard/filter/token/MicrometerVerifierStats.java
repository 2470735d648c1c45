package io.claimguard.filter.token;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link VerifierStats} in a Micrometer registry; the only class of the filter that names
 * Micrometer, loaded only when it is there. Every counter is registered up front, so a request
 * adds to one without a lookup.
 */
final class MicrometerVerifierStats implements VerifierStats {
    private final Counter accepted;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final Map<RejectionReason, Counter> reported = new EnumMap<>(RejectionReason.class);
    private final Counter fetched;
    private final Counter fetchFailed;
    private final Counter revoked;
    private final Counter notRevoked;
    private final Counter unavailable;

    MicrometerVerifierStats(MeterRegistry registry) {
        accepted = requests(registry, "accepted", "none", "enforce");
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, requests(registry, "rejected", reason.code(), "enforce"));
            reported.put(reason, requests(registry, "would_reject", reason.code(), "report"));
        }
        fetched = jwks(registry, "success");
        fetchFailed = jwks(registry, "failure");
        revoked = revocations(registry, "revoked");
        notRevoked = revocations(registry, "not_revoked");
        unavailable = revocations(registry, "unavailable");
    }

    static VerifierStats global() {
        return new MicrometerVerifierStats(Metrics.globalRegistry);
    }

    private static Counter requests(MeterRegistry registry, String outcome, String reason, String mode) {
        return Counter.builder("claimguard.jwt.requests").description("Requests the JWT filter let through or refused")
                .tag("outcome", outcome).tag("reason", reason).tag("mode", mode).register(registry);
    }

    private static Counter jwks(MeterRegistry registry, String result) {
        return Counter.builder("claimguard.jwt.jwks.fetches").description("JWKS documents fetched from issuers")
                .tag("result", result).register(registry);
    }

    private static Counter revocations(MeterRegistry registry, String result) {
        return Counter.builder("claimguard.jwt.revocation.lookups").description("Revocation lookups of verified tokens")
                .tag("result", result).register(registry);
    }

    @Override
    public void accepted() {
        accepted.increment();
    }

    @Override
    public void rejected(RejectionReason reason, boolean enforced) {
        (enforced ? rejected : reported).get(reason).increment();
    }

    @Override
    public void jwksFetched(boolean succeeded) {
        (succeeded ? fetched : fetchFailed).increment();
    }

    @Override
    public void revocationChecked(boolean wasRevoked) {
        (wasRevoked ? revoked : notRevoked).increment();
    }

    @Override
    public void revocationUnavailable() {
        unavailable.increment();
    }
}
