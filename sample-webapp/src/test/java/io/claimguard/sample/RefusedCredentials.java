package io.claimguard.sample;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.claimguard.sample.demo.Persona;
import io.claimguard.sample.launcher.DemoServer;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/**
 * Credentials the JWT filter refuses, each for a reason of its own, as the support agent would
 * send them. Report mode lets through the refusals for a policy reason, never one that keeps the
 * signature from being verified.
 */
enum RefusedCredentials {
    NO_TOKEN("no_token", false, true),
    /** Signed by the demo, expired minutes ago. */
    EXPIRED("expired", true, true),
    /** Signed by the demo, for another API. */
    OTHER_AUDIENCE("wrong_audience", true, true),
    /** The agent's claims, issuer and key id, signed with a key the demo never published. */
    FOREIGN_SIGNATURE("bad_signature", false, false),
    NOT_A_TOKEN("malformed_token", false, false);

    /** The reason code of the refusal. */
    final String reason;
    /** Whether the signature verifies, so that the refusal can say whose token it was. */
    final boolean verified;
    /** Whether the refusal is for a policy reason, which report mode lets through. */
    final boolean policy;

    RefusedCredentials(String reason, boolean verified, boolean policy) {
        this.reason = reason;
        this.verified = verified;
        this.policy = policy;
    }

    /** A fresh token of this kind from the demo at {@code base}; null for {@link #NO_TOKEN}. */
    String token(URI base) throws Exception {
        return switch (this) {
            case NO_TOKEN -> null;
            case EXPIRED -> DemoServer.token(base, Persona.AGENT, "expired=true");
            case OTHER_AUDIENCE -> DemoServer.token(base, Persona.AGENT, "audience=billing-api");
            case FOREIGN_SIGNATURE -> foreignSignature(JWT.decode(DemoServer.token(base, Persona.AGENT)));
            case NOT_A_TOKEN -> "not-a-token";
        };
    }

    private static String foreignSignature(DecodedJWT genuine) throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair forger = rsa.generateKeyPair();
        return JWT.create().withKeyId(genuine.getKeyId()).withHeader(Map.of("typ", "JWT"))
                .withIssuer(genuine.getIssuer()).withAudience(genuine.getAudience().toArray(new String[0]))
                .withSubject(genuine.getSubject()).withClaim("scope", genuine.getClaim("scope").asString())
                .withClaim("roles", genuine.getClaim("roles").asList(String.class)).withIssuedAt(genuine.getIssuedAtAsInstant())
                .withExpiresAt(genuine.getExpiresAtAsInstant()).withJWTId("forged-" + genuine.getId())
                .sign(Algorithm.RSA256((RSAPublicKey) forger.getPublic(), (RSAPrivateKey) forger.getPrivate()));
    }
}
