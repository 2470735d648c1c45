package io.claimguard.filter.token;

import java.security.Key;
import java.util.List;

/**
 * A key with what its publisher declared about it. A JWK's declarations restrict it: a key
 * published for encryption ({@code use: enc}), for another algorithm or another curve never
 * verifies a token, even if its bits would.
 *
 * @param keyId      {@code kid}, or null for a single configured key
 * @param key        an RSA or EC public key, or an HMAC secret
 * @param algorithm  the declared {@code alg}, or null when none was declared
 * @param use        the declared {@code use}, or null
 * @param operations the declared {@code key_ops}, or null
 * @param curve      the declared {@code crv} of an EC JWK, or null
 */
record VerificationKey(String keyId, Key key, String algorithm, String use, List<String> operations, String curve) {

    static VerificationKey of(String keyId, Key key) {
        return new VerificationKey(keyId, key, null, null, null, null);
    }

    boolean fits(SignatureAlgorithm candidate) {
        return candidate.accepts(key)
                && (algorithm == null || algorithm.equals(candidate.name()))
                && (use == null || use.equals("sig"))
                && (operations == null || operations.contains("verify"))
                && (curve == null || curve.equals(candidate.curve));
    }

    @Override
    public String toString() {
        return "VerificationKey[" + keyId + ", " + key.getAlgorithm() + "]";   // never the key material
    }
}
