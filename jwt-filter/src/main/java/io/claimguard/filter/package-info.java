/**
 * The JWT servlet filter: {@link io.claimguard.filter.JwtAuthFilter} verifies each request's
 * bearer token strictly with a {@link io.claimguard.filter.TokenVerifier} and runs the request as
 * the token's {@link io.claimguard.core.Subject}; {@link io.claimguard.filter.Revocations} decides
 * which verified tokens were withdrawn. {@link io.claimguard.filter.ClaimGuardInitializer}
 * registers the filter in a web application that has a ClaimGuard configuration.
 */
package io.claimguard.filter;
