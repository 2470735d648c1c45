package io.claimguard.filter.token;

import io.claimguard.core.ConfigException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where one issuer's keys come from: a JWKS URI, fixed public keys, or an HMAC secret. An issuer
 * has exactly one of these, so HMAC and public-key algorithms are never both accepted for it
 * (the classic RS256-to-HS256 confusion verifies an HMAC made with the public key as secret).
 */
public final class IssuerKeys {
    /** HMAC secrets shorter than this are refused at startup (RFC 7518 section 3.2 for HS256). */
    public static final int MIN_SECRET_BYTES = 32;

    enum Kind { JWKS, PUBLIC_KEYS, HMAC }

    final Kind kind;
    final URI jwksUri;
    final List<VerificationKey> keys;

    private IssuerKeys(Kind kind, URI jwksUri, List<VerificationKey> keys) {
        this.kind = kind;
        this.jwksUri = jwksUri;
        this.keys = keys;
    }

    /** Keys fetched from a JWKS document (https, or http only on a loopback address). */
    public static IssuerKeys jwks(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = String.valueOf(uri.getScheme());
        boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new ConfigException("JWKS URI " + uri + " must use https (http only on a loopback address)");
        }
        return new IssuerKeys(Kind.JWKS, uri, List.of());
    }

    /**
     * Fixed RSA or EC public keys by key id. A single key may be given with an empty id: it then
     * verifies tokens whatever their {@code kid}.
     */
    public static IssuerKeys publicKeys(Map<String, ? extends PublicKey> byKeyId) {
        if (byKeyId.isEmpty()) {
            throw new ConfigException("no public keys given");
        }
        List<VerificationKey> keys = new ArrayList<>();
        byKeyId.forEach((kid, key) -> {
            if (!(key instanceof java.security.interfaces.RSAPublicKey) && !(key instanceof ECPublicKey)) {
                throw new ConfigException("key '" + kid + "' is neither an RSA nor an EC public key");
            }
            if (key instanceof java.security.interfaces.RSAPublicKey rsa
                    && rsa.getModulus().bitLength() < SignatureAlgorithm.MIN_RSA_BITS) {
                throw new ConfigException("RSA key '" + kid + "' has " + rsa.getModulus().bitLength()
                        + " bits; at least " + SignatureAlgorithm.MIN_RSA_BITS + " are required");
            }
            keys.add(VerificationKey.of(kid.isEmpty() ? null : kid, key));
        });
        if (keys.size() > 1 && keys.stream().anyMatch(k -> k.keyId() == null)) {
            throw new ConfigException("when several public keys are given, each needs a key id");
        }
        return new IssuerKeys(Kind.PUBLIC_KEYS, null, List.copyOf(keys));
    }

    /** PEM texts ({@code -----BEGIN PUBLIC KEY-----}) by key id. */
    public static IssuerKeys pem(Map<String, String> pemByKeyId) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        pemByKeyId.forEach((kid, pem) -> keys.put(kid, parsePem(kid, pem)));
        return publicKeys(keys);
    }

    /**
     * An HMAC secret: at least {@value #MIN_SECRET_BYTES} bytes with at least 16 distinct byte
     * values, which refuses placeholders such as {@code "changeme"} repeated.
     */
    public static IssuerKeys hmac(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new ConfigException("the HMAC secret has " + secret.length + " bytes; at least " + MIN_SECRET_BYTES
                    + " random bytes are required");
        }
        if (distinctBytes(secret) < 16) {
            throw new ConfigException("the HMAC secret does not look random (fewer than 16 distinct bytes)");
        }
        return new IssuerKeys(Kind.HMAC, null, List.of(VerificationKey.of(null, new SecretKeySpec(secret.clone(), "HMAC"))));
    }

    private static int distinctBytes(byte[] bytes) {
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xFF]) {
                seen[b & 0xFF] = true;
                distinct++;
            }
        }
        return distinct;
    }

    private static PublicKey parsePem(String kid, String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new ConfigException("key '" + kid + "' is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("key '" + kid + "' is not valid base64 inside its PEM armour");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (java.security.GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new ConfigException("key '" + kid + "' is neither an RSA nor an EC public key");
    }

    @Override
    public String toString() {
        return "IssuerKeys[" + kind + (jwksUri == null ? "" : " " + jwksUri) + "]";
    }
}
