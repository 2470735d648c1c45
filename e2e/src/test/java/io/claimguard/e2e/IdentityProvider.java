package io.claimguard.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity provider the deployed application trusts: an RSA key of its own, its JWKS served by
 * the JDK's HTTP server on a loopback port at {@code /.well-known/jwks.json}, and RS256 tokens for
 * the personas, signed with nothing but the JDK. Every token it hands out is remembered, so that
 * the logs can be searched for them afterwards.
 */
final class IdentityProvider implements AutoCloseable {

    static final String AUDIENCE = "support-api";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair key = rsaKey();
    /** Another key under the same kid: what a forger holds. */
    private final KeyPair forgerKey = rsaKey();
    private final String kid = "e2e-" + UUID.randomUUID();
    private final HttpServer server;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    private IdentityProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] jwks = json(Map.of("keys", List.of(jwk((RSAPublicKey) key.getPublic())))).getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    static IdentityProvider start() throws IOException {
        return new IdentityProvider();
    }

    /** {@code http://127.0.0.1:PORT}: the issuer is this followed by {@code /}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A valid token for 15 minutes. */
    String token(Persona persona) {
        return tokenIssuedAt(persona, Instant.now());
    }

    /** A token valid for 15 minutes from {@code issuedAt} (which may lie a second ahead, within the leeway). */
    String tokenIssuedAt(Persona persona, Instant issuedAt) {
        return sign(key, header("RS256"), claims(persona, issuedAt, issuedAt.plus(Duration.ofMinutes(15)), AUDIENCE));
    }

    /** The {@code kid} of every token this provider signs. */
    String keyId() {
        return kid;
    }

    /** Tokens every deployment must refuse, by what is wrong with them; "no token" maps to null. */
    Map<String, String> refusedTokens() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("not a JWT", "not-a-token");
        refused.put("expired", expiredToken(Persona.COMPLIANCE));
        refused.put("forged", forgedToken(Persona.COMPLIANCE));
        refused.put("claims changed after signing", tamperedToken());
        refused.put("another audience", tokenForAnotherAudience(Persona.COMPLIANCE));
        refused.put("alg none", unsignedToken(Persona.COMPLIANCE));
        return refused;
    }

    /** Issued two hours ago for one hour. */
    String expiredToken(Persona persona) {
        Instant issuedAt = Instant.now().minus(Duration.ofHours(2));
        return sign(key, header("RS256"), claims(persona, issuedAt, issuedAt.plus(Duration.ofHours(1)), AUDIENCE));
    }

    /** Signed with another key under this provider's kid. */
    String forgedToken(Persona persona) {
        Instant now = Instant.now();
        return sign(forgerKey, header("RS256"), claims(persona, now, now.plus(Duration.ofMinutes(15)), AUDIENCE));
    }

    /** Correctly signed, for another API. */
    String tokenForAnotherAudience(Persona persona) {
        Instant now = Instant.now();
        return sign(key, header("RS256"), claims(persona, now, now.plus(Duration.ofMinutes(15)), "billing-api"));
    }

    /** A valid token whose claims were changed afterwards (agent's signature, compliance's scope). */
    String tamperedToken() {
        String[] parts = token(Persona.AGENT).split("\\.");
        Instant now = Instant.now();
        String claims = encode(json(claims(Persona.COMPLIANCE, now, now.plus(Duration.ofMinutes(15)), AUDIENCE)));
        return remember(parts[0] + "." + claims + "." + parts[2]);
    }

    /** {@code alg: none}, no signature. */
    String unsignedToken(Persona persona) {
        Instant now = Instant.now();
        Map<String, Object> header = header("none");
        return remember(encode(json(header)) + "." + encode(json(claims(persona, now, now.plus(Duration.ofMinutes(15)), AUDIENCE))) + ".");
    }

    /** Every token handed out so far. */
    Set<String> issuedTokens() {
        return Set.copyOf(issued);
    }

    private Map<String, Object> header(String algorithm) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm);
        header.put("typ", "JWT");
        header.put("kid", kid);
        return header;
    }

    private Map<String, Object> claims(Persona persona, Instant issuedAt, Instant expires, String audience) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", baseUrl() + "/");
        claims.put("aud", audience);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(persona.claims());
        return claims;
    }

    private String sign(KeyPair signer, Map<String, Object> header, Map<String, Object> claims) {
        String signingInput = encode(json(header)) + "." + encode(json(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signer.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return remember(signingInput + "." + BASE64URL.encodeToString(rs256.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String remember(String token) {
        issued.add(token);
        return token;
    }

    private Map<String, Object> jwk(RSAPublicKey publicKey) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", BASE64URL.encodeToString(unsigned(publicKey.getModulus())));
        jwk.put("e", BASE64URL.encodeToString(unsigned(publicKey.getPublicExponent())));
        return jwk;
    }

    /** Big-endian without the sign byte BigInteger adds when the top bit is set (RFC 7518, 6.3.1). */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
