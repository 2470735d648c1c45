package io.claimguard.filter.token;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * The JWS algorithms ClaimGuard verifies, matched by their exact registered name ({@code none}
 * and case variants such as {@code rs256} are not names of any constant).
 *
 * <p>The signature itself is checked by java-jwt's {@link Algorithm}, after the strict checks it
 * lacks: the key must be of the algorithm's kind and strong enough, and an ECDSA signature must
 * be exactly {@code 2 * field size} bytes with r and s in [1, n-1]. java-jwt has no RSASSA-PSS,
 * so PS256/384/512 are verified with the JDK's {@code RSASSA-PSS} (salt length = hash length, as
 * RFC 7518 section 3.5 requires).
 */
enum SignatureAlgorithm {
    RS256(Family.RSA, 0, null),
    RS384(Family.RSA, 0, null),
    RS512(Family.RSA, 0, null),
    PS256(Family.RSA, 0, null),
    PS384(Family.RSA, 0, null),
    PS512(Family.RSA, 0, null),
    ES256(Family.EC, 64, "P-256"),
    ES384(Family.EC, 96, "P-384"),
    ES512(Family.EC, 132, "P-521"),
    HS256(Family.HMAC, 32, null),
    HS384(Family.HMAC, 48, null),
    HS512(Family.HMAC, 64, null);

    /** RSA moduli below this are refused; 1024-bit keys are factorable by well-funded attackers. */
    static final int MIN_RSA_BITS = 2048;

    enum Family {
        RSA("RSA"), EC("EC"), HMAC("oct");

        final String keyType;

        Family(String keyType) {
            this.keyType = keyType;
        }
    }

    final Family family;
    /** ECDSA: the exact r||s length; HMAC: the tag length and the minimum key length. */
    final int length;
    /** ECDSA: the JWK curve name. */
    final String curve;

    SignatureAlgorithm(Family family, int length, String curve) {
        this.family = family;
        this.length = length;
        this.curve = curve;
    }

    /** The constant with exactly this name, or null ({@code "none"}, {@code "Rs256"}, anything else). */
    static SignatureAlgorithm named(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        return null;
    }

    /**
     * Whether {@code key} is of the kind this algorithm needs and strong enough: an RSA key of at
     * least {@value #MIN_RSA_BITS} bits, an EC key on this algorithm's curve, an HMAC secret at
     * least as long as the tag.
     */
    boolean accepts(Key key) {
        switch (family) {
            case RSA:
                return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
            case EC:
                return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == fieldBits();
            case HMAC:
                return key instanceof SecretKey secret && secret.getEncoded() != null && secret.getEncoded().length >= length;
            default:
                return false;
        }
    }

    private int fieldBits() {
        return this == ES512 ? 521 : length * 4;
    }

    /**
     * @return whether {@code jws} carries a valid signature of its header and payload under
     *         {@code key}; false, never an exception, for malformed signatures
     */
    boolean verify(Key key, SignedParts jws) {
        if (!accepts(key) || (family == Family.EC && !wellFormed((ECPublicKey) key, jws.signatureBytes()))) {
            return false;
        }
        try {
            if (name().startsWith("PS")) {
                return verifyPss((PublicKey) key, jws);
            }
            javaJwt(key).verify(jws);
            return true;
        } catch (JWTVerificationException e) {
            return false;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;   // a malformed signature the provider chokes on is a bad signature, not a 500
        }
    }

    private Algorithm javaJwt(Key key) {
        return switch (this) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) key);
            case RS384 -> Algorithm.RSA384((RSAPublicKey) key);
            case RS512 -> Algorithm.RSA512((RSAPublicKey) key);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) key);
            case ES384 -> Algorithm.ECDSA384((ECPublicKey) key);
            case ES512 -> Algorithm.ECDSA512((ECPublicKey) key);
            case HS256 -> Algorithm.HMAC256(key.getEncoded());
            case HS384 -> Algorithm.HMAC384(key.getEncoded());
            case HS512 -> Algorithm.HMAC512(key.getEncoded());
            case PS256, PS384, PS512 -> throw new IllegalStateException(this + " is not a java-jwt algorithm");
        };
    }

    private boolean verifyPss(PublicKey key, SignedParts jws) throws GeneralSecurityException {
        String bits = name().substring(2);
        MGF1ParameterSpec mgf = switch (this) {
            case PS256 -> MGF1ParameterSpec.SHA256;
            case PS384 -> MGF1ParameterSpec.SHA384;
            default -> MGF1ParameterSpec.SHA512;
        };
        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", mgf, Integer.parseInt(bits) / 8,
                PSSParameterSpec.TRAILER_FIELD_BC));
        verifier.initVerify(key);
        verifier.update(jws.signingInput());
        return verifier.verify(jws.signatureBytes());
    }

    /**
     * Exactly {@link #length} bytes, r and s each in [1, n-1]. java-jwt checks the length and
     * refuses all-zero halves (the 2022 "psychic signatures" flaw, r = s = 0, passed on some JDKs)
     * but leaves the bound n to the provider; checking all of it here keeps it true on any provider
     * and library version.
     */
    boolean wellFormed(ECPublicKey key, byte[] signature) {
        if (signature.length != length) {
            return false;
        }
        BigInteger order = key.getParams().getOrder();
        int half = length / 2;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, length));
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(order) < 0 && s.compareTo(order) < 0;
    }
}
