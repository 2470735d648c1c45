/**
 * Which verified tokens were withdrawn before they expired.
 * {@link io.claimguard.filter.revocation.Revocations} is what the verifier asks on every request,
 * keyed on a token's {@link io.claimguard.filter.revocation.TokenIdentity} (issuer and
 * {@code jti}, subject, issue time, key id), never on its bytes;
 * {@link io.claimguard.filter.revocation.InMemoryRevocations} serves a single instance.
 */
package io.claimguard.filter.revocation;
