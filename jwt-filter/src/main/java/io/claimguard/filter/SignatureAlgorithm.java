package io.claimguard.filter;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JWS algorithms ClaimGuard verifies, matched by their exact registered name ({@code none}
 * and case variants such as {@code rs256} are not names of any constant). Verification uses the
 * JDK's providers directly; what java-jwt adds on top (lenient decoding) is what must be avoided.
 */
enum SignatureAlgorithm {
    RS256(Family.RSA, "SHA256withRSA", null, 0, null),
    RS384(Family.RSA, "SHA384withRSA", null, 0, null),
    RS512(Family.RSA, "SHA512withRSA", null, 0, null),
    PS256(Family.RSA, "RSASSA-PSS", pss("SHA-256", MGF1ParameterSpec.SHA256, 32), 0, null),
    PS384(Family.RSA, "RSASSA-PSS", pss("SHA-384", MGF1ParameterSpec.SHA384, 48), 0, null),
    PS512(Family.RSA, "RSASSA-PSS", pss("SHA-512", MGF1ParameterSpec.SHA512, 64), 0, null),
    ES256(Family.EC, "SHA256withECDSAinP1363Format", null, 64, "P-256"),
    ES384(Family.EC, "SHA384withECDSAinP1363Format", null, 96, "P-384"),
    ES512(Family.EC, "SHA512withECDSAinP1363Format", null, 132, "P-521"),
    HS256(Family.HMAC, "HmacSHA256", null, 32, null),
    HS384(Family.HMAC, "HmacSHA384", null, 48, null),
    HS512(Family.HMAC, "HmacSHA512", null, 64, null);

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
    private final String jcaName;
    private final AlgorithmParameterSpec parameters;
    /** ECDSA: the exact r||s length; HMAC: the tag length and the minimum key length. */
    final int length;
    /** ECDSA: the JWK curve name. */
    final String curve;

    SignatureAlgorithm(Family family, String jcaName, AlgorithmParameterSpec parameters, int length, String curve) {
        this.family = family;
        this.jcaName = jcaName;
        this.parameters = parameters;
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

    private static PSSParameterSpec pss(String digest, MGF1ParameterSpec mgf, int saltLength) {
        return new PSSParameterSpec(digest, "MGF1", mgf, saltLength, PSSParameterSpec.TRAILER_FIELD_BC);
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
     * @return whether {@code signature} is a valid signature of {@code input} under {@code key};
     *         false, never an exception, for malformed signatures
     */
    boolean verify(Key key, byte[] input, byte[] signature) {
        if (!accepts(key)) {
            return false;
        }
        try {
            if (family == Family.HMAC) {
                Mac mac = Mac.getInstance(jcaName);
                mac.init(new SecretKeySpec(key.getEncoded(), jcaName));
                return signature.length == length && MessageDigest.isEqual(mac.doFinal(input), signature);
            }
            if (family == Family.EC && !inRange((ECPublicKey) key, signature)) {
                return false;
            }
            Signature verifier = Signature.getInstance(jcaName);
            if (parameters != null) {
                verifier.setParameter(parameters);
            }
            verifier.initVerify((PublicKey) key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * r and s must each be in [1, n-1]. The JDK checks this too since the 2022 "psychic
     * signatures" flaw (r = s = 0 passed); checking here keeps it true on any provider.
     */
    private boolean inRange(ECPublicKey key, byte[] signature) {
        if (signature.length != length) {
            return false;
        }
        BigInteger order = key.getParams().getOrder();
        int half = length / 2;
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, half, length));
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(order) < 0 && s.compareTo(order) < 0;
    }
}
