/**
 * The JWT servlet filter: {@link io.claimguard.filter.JwtAuthFilter} finds each request's one
 * bearer token, has it verified by a {@link io.claimguard.filter.token.TokenVerifier}, checks the
 * path's requirements and runs the request as the token's {@link io.claimguard.core.Subject}.
 * {@link io.claimguard.filter.ClaimGuardInitializer} registers the filter in a web application
 * that has a ClaimGuard configuration; {@link io.claimguard.filter.JwtConfigReader} turns the
 * configuration's {@code jwt} section into the filter's settings.
 *
 * <p>Verification itself lives in {@link io.claimguard.filter.token}, and the revocation lists
 * it consults in {@link io.claimguard.filter.revocation}; neither knows about servlets.
 */
package io.claimguard.filter;
