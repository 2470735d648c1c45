package io.claimguard.filter.revocation;

/**
 * A revocation store as configured by {@code jwt.revocation}: the check the verifier makes on
 * every request, the administrative side, and the resources behind them (connections, threads),
 * released by {@link #close()}. {@link RevocationConfig} opens one; the filter closes the one it
 * opened when it is destroyed.
 */
public interface RevocationStore extends Revocations, Revoker, AutoCloseable {
    /** Releases connections and stops background threads; the store must not be used afterwards. */
    @Override
    void close();
}
