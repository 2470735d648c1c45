/**
 * Which verified tokens were withdrawn before they expired.
 * {@link io.claimguard.filter.revocation.Revocations} is what the verifier asks on every request,
 * keyed on a token's {@link io.claimguard.filter.revocation.TokenIdentity} (issuer and
 * {@code jti}, subject, issue and expiry time, key id), never on its bytes;
 * {@link io.claimguard.filter.revocation.Revoker} is the administrative side, driven from the
 * command line by {@link io.claimguard.filter.revocation.RevocationCommand}. A
 * {@link io.claimguard.filter.revocation.RevocationStore} is both:
 * {@link io.claimguard.filter.revocation.InMemoryRevocations} serves a single instance,
 * {@link io.claimguard.filter.revocation.RedisRevocations} every instance sharing one Redis.
 * {@link io.claimguard.filter.revocation.RevocationConfig} opens the one the configuration names.
 */
package io.claimguard.filter.revocation;
