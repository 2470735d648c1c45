/**
 * Strict verification of compact JWS access tokens, with no servlet in sight:
 * {@link io.claimguard.filter.token.TokenVerifier} runs the checks in order and caches what
 * passed; {@link io.claimguard.filter.token.CompactJws} and
 * {@link io.claimguard.filter.token.StrictJson} read the token's bytes,
 * {@link io.claimguard.filter.token.SignatureAlgorithm} checks signatures, and each issuer's
 * keys come from its own {@link io.claimguard.filter.token.KeySource} (a JWKS URI or fixed keys,
 * described by {@link io.claimguard.filter.token.IssuerKeys}). A refusal is a
 * {@link io.claimguard.filter.token.TokenRejectedException} carrying a
 * {@link io.claimguard.filter.token.RejectionReason}.
 */
package io.claimguard.filter.token;
