package io.claimguard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** RS256 access tokens for the filter benchmarks, signed with a key generated per trial. */
final class Tokens {
    static final String ISSUER = "https://id.bench/";
    static final String AUDIENCE = "orders-api";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A typical access token: about 400 bytes of claims, valid for the next hour, with its own jti. */
    static String rs256(KeyPair key, int serial) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"user-" + serial + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":"
                + (now - 5) + ",\"exp\":" + (now + 3000) + ",\"jti\":\"bench-" + serial + "\",\"scope\":\"orders.read "
                + "orders.write\",\"roles\":[\"support\",\"sales\"],\"tid\":\"acme\"}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.getPrivate());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signer.sign());
    }
}
