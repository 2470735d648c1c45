package io.claimguard.filter;

import io.claimguard.filter.token.IssuerKeys;
import io.claimguard.filter.token.TokenVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One verifier setup shared by the container tests: three issuers, one per key kind. */
final class Fixture {
    static final long NOW = 1_700_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    static final String RSA_ISS = "https://rsa.test/";
    static final String EC_ISS = "https://ec.test/";
    static final String HMAC_ISS = "https://hmac.test/";
    static final String AUD = "orders-api";

    private Fixture() {
    }

    static TokenVerifier.Builder verifier() {
        return TokenVerifier.builder()
                .issuer(RSA_ISS, IssuerKeys.publicKeys(Map.of("rsa1", TestKeys.RSA.getPublic())), List.of("RS256", "PS256"))
                .issuer(EC_ISS, IssuerKeys.publicKeys(Map.of("ec1", TestKeys.EC256.getPublic())), List.of("ES256"))
                .issuer(HMAC_ISS, IssuerKeys.hmac(TestKeys.HMAC), List.of("HS256"))
                .audiences(List.of(AUD))
                .clock(CLOCK);
    }

    /** A payload for {@code iss} with sub alice, role admin, issued 10 s ago, valid 10 min; {@code extra} is appended. */
    static String claims(String iss, String extra) {
        return issuedAt(iss, "alice", "t-1", NOW - 10, ",\"roles\":[\"admin\"]" + extra);
    }

    /**
     * A payload issued at {@code iat} (epoch seconds) and valid for 10 min from then; for verifiers
     * on the system clock, pass a time near {@link Instant#now()}. {@code extra} is appended.
     */
    static String issuedAt(String iss, String sub, String jti, long iat, String extra) {
        return "{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":\"" + AUD + "\",\"iat\":" + iat + ",\"exp\":"
                + (iat + 600) + ",\"jti\":\"" + jti + "\"" + extra + "}";
    }

    /** Writes {@code key} to {@code file} as a PEM public key, as an operator would configure it. */
    static Path pem(Path file, PublicKey key) throws IOException {
        return Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    /** A payload from literal members, such as {@code "\"sub\":\"bob\""}. */
    static String raw(String members) {
        return "{" + members + "}";
    }

    static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + "}";
    }

    static String rs256(String payload) {
        return Jws.sign("RS256", TestKeys.RSA.getPrivate(), header("RS256", "rsa1"), payload);
    }

    static String es256(String payload) {
        return Jws.sign("ES256", TestKeys.EC256.getPrivate(), header("ES256", "ec1"), payload);
    }

    static String hs256(String payload) {
        return Jws.sign("HS256", new javax.crypto.spec.SecretKeySpec(TestKeys.HMAC, "HMAC"), header("HS256", null), payload);
    }

    static String signed(String alg, Key key, String header, String payload) {
        return Jws.sign(alg, key, header, payload);
    }

    /** {@code token} with the first character of its signature changed: a signature that no longer verifies. */
    static String forged(String token) {
        int signature = token.lastIndexOf('.') + 1;
        char changed = token.charAt(signature) == 'A' ? 'B' : 'A';
        return token.substring(0, signature) + changed + token.substring(signature + 1);
    }
}
