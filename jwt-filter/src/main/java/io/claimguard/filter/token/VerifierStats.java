package io.claimguard.filter.token;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the filter and its {@link TokenVerifier} count: requests accepted and refused, JWKS fetches,
 * revocation lookups. {@link #fromClassPath()}, the default, counts into Micrometer's global
 * registry when Micrometer is on the class path and does nothing otherwise; hand
 * {@link #micrometer(MeterRegistry)} to {@link TokenVerifier.Builder#stats} for another registry.
 * Implementations must be thread-safe and cheap: they are called on every request.
 *
 * <p>Meters (see the README): {@code claimguard.jwt.requests} (tags {@code outcome}, {@code reason},
 * {@code mode}), {@code claimguard.jwt.jwks.fetches} ({@code result}),
 * {@code claimguard.jwt.revocation.lookups} ({@code result}: {@code revoked}, {@code not_revoked},
 * {@code unavailable}).
 */
public interface VerifierStats {
    /** Counts nothing. */
    VerifierStats NONE = new VerifierStats() {
        @Override
        public void accepted() {
        }

        @Override
        public void rejected(RejectionReason reason, boolean enforced) {
        }

        @Override
        public void jwksFetched(boolean succeeded) {
        }

        @Override
        public void revocationChecked(boolean revoked) {
        }

        @Override
        public void revocationUnavailable() {
        }
    };

    /** A request went on with its verified token (or, where no token is required, without one). */
    void accepted();

    /** @param enforced false when report mode let the request through all the same */
    void rejected(RejectionReason reason, boolean enforced);

    void jwksFetched(boolean succeeded);

    void revocationChecked(boolean revoked);

    /** The revocation store could not answer (the request is refused with 503). */
    void revocationUnavailable();

    /** Micrometer's global registry when Micrometer is on the class path; {@link #NONE} otherwise. */
    static VerifierStats fromClassPath() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, VerifierStats.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        return MicrometerVerifierStats.global();
    }

    /** Counts into {@code registry}; needs Micrometer on the class path. */
    static VerifierStats micrometer(MeterRegistry registry) {
        return new MicrometerVerifierStats(registry);
    }
}
