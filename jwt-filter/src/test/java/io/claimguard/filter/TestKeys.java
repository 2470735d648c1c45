package io.claimguard.filter;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Keys generated once per test JVM; RSA generation is slow. */
final class TestKeys {
    static final KeyPair RSA = rsa(2048);
    static final KeyPair RSA_OTHER = rsa(2048);
    static final KeyPair RSA_1024 = rsa(1024);
    static final KeyPair EC256 = ec("secp256r1");
    static final KeyPair EC384 = ec("secp384r1");
    static final byte[] HMAC = "k7Qp2Zr9Vx4Lm8Ns1Bw6Yt3Hd5Fg0JcE".getBytes(StandardCharsets.US_ASCII);

    private TestKeys() {
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
