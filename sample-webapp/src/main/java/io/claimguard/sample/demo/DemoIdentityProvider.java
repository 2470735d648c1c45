package io.claimguard.sample.demo;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for a real identity provider: an RSA key made at start, published as a JWKS, and
 * RS256 access tokens for the {@link Persona}s. Nothing is stored: a restart makes a new key.
 */
final class DemoIdentityProvider {
    static final String AUDIENCE = "support-api";
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final String keyId;
    private final RSAPublicKey publicKey;
    private final Algorithm algorithm;

    DemoIdentityProvider() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        keyId = "demo-" + HexFormat.of().formatHex(random);
        publicKey = (RSAPublicKey) pair.getPublic();
        algorithm = Algorithm.RSA256(publicKey, (RSAPrivateKey) pair.getPrivate());
    }

    /** The JSON Web Key Set with the one public key. */
    String jwks() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("kid", keyId);
        key.put("use", "sig");
        key.put("alg", "RS256");
        key.put("n", base64url(publicKey.getModulus()));
        key.put("e", base64url(publicKey.getPublicExponent()));
        try {
            return new ObjectMapper().writeValueAsString(Map.of("keys", List.of(key)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A compact JWS for {@code persona}, issued by {@code issuer} at {@code issuedAt} for
     * {@code audience} ({@link #AUDIENCE}: the sample's API), valid for {@link #LIFETIME}.
     */
    String token(Persona persona, String issuer, String audience, Instant issuedAt) {
        JWTCreator.Builder token = JWT.create()
                .withKeyId(keyId)
                .withHeader(Map.of("typ", "JWT"))
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(persona.subject())
                .withIssuedAt(issuedAt)
                .withExpiresAt(issuedAt.plus(LIFETIME))
                .withJWTId(UUID.randomUUID().toString());
        if (persona.scope() != null) {
            token.withClaim("scope", persona.scope());
        }
        if (!persona.roles().isEmpty()) {
            token.withClaim("roles", persona.roles());
        }
        return token.sign(algorithm);
    }

    /** Unsigned big-endian bytes, base64url without padding (RFC 7518, section 6.3.1). */
    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
