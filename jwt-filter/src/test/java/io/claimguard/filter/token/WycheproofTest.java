package io.claimguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.auth0.jwk.Jwk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signature seam against Google's Wycheproof vectors (Apache-2.0), read from the shared
 * folder beside the repository, never copied in. Runs whenever the folder exists; required when
 * CLAIMGUARD_REQUIRE_SERVICES=true.
 *
 * <p>The JWS vectors go through what the verifier does before the claims: canonical base64url
 * split, strict header, forbidden header members, the exact algorithm name, key fit (type,
 * curve, declared {@code alg}, {@code use}, {@code key_ops}) and the signature (java-jwt's
 * {@code Algorithm}, or the JDK for PS*). The raw ECDSA P1363 vectors cannot be signing inputs
 * (none of their messages contains the '.' a JWS signs over), so they check the strict encoding
 * check that runs before java-jwt: it never refuses a valid signature and refuses every
 * signature of the wrong length or with r or s out of range.
 */
class WycheproofTest {
    /** Set by the build to the folder beside the repository; unset when run some other way. */
    private static final String FOLDER_PROPERTY = "claimguard.wycheproof";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path folder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        Path folder = configured == null ? null : Path.of(configured).normalize();
        if (folder == null || !Files.isDirectory(folder)) {
            if ("true".equals(System.getenv("CLAIMGUARD_REQUIRE_SERVICES"))) {
                fail("the Wycheproof vectors are required but missing: system property " + FOLDER_PROPERTY + " = " + folder);
            }
            assumeTrue(false, "Wycheproof vectors not present");
        }
        return folder;
    }

    /** What the verifier would say about the token's signature, with {@code key} as the issuer's only key. */
    private static boolean accepted(String token, VerificationKey key) {
        try {
            SignedParts parts = CompactJws.split(token);
            SignatureAlgorithm algorithm = TokenVerifier.algorithm(new StrictJson(20, 8192).object(parts.headerJson()));
            return key.fits(algorithm) && algorithm.verify(key.key(), parts);
        } catch (TokenRejectedException | java.io.IOException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static VerificationKey key(JsonNode group) throws Exception {
        JsonNode jwk = group.has("public") ? group.get("public") : group.get("private");
        Map<String, Object> members = MAPPER.convertValue(jwk, Map.class);
        List<String> operations = jwk.has("key_ops") ? MAPPER.convertValue(jwk.get("key_ops"), List.class) : null;
        Key key = "oct".equals(members.get("kty"))
                ? new SecretKeySpec(Base64.getUrlDecoder().decode((String) members.get("k")), "HMAC")
                : Jwk.fromValues(members).getPublicKey();
        return new VerificationKey((String) members.get("kid"), key, (String) members.get("alg"),
                (String) members.get("use"), operations, (String) members.get("crv"));
    }

    @Test
    void jwsVectors_agree() throws Exception {
        JsonNode root = MAPPER.readTree(folder().resolve("json_web_signature_test.json").toFile());
        Map<String, Integer> checkedByAlgorithm = new TreeMap<>();
        int refusedOnPurpose = 0;
        for (JsonNode group : root.get("testGroups")) {
            VerificationKey key = key(group);
            for (JsonNode test : group.get("tests")) {
                String where = "tcId " + test.get("tcId") + " (" + group.get("comment").asText() + "): " + test.get("comment");
                if (!test.get("jws").isTextual()) {
                    continue;   // JSON serialisation: the filter takes compact tokens only, and refuses others at the gate
                }
                String token = test.get("jws").asText();
                if (test.get("comment").asText().contains("Padding") && !token.contains("=")) {
                    continue;   // this copy's token text carries no padding: the same bytes as a valid vector
                }
                boolean valid = test.get("result").asText().equals("valid");
                String alg = headerAlg(token);
                if (valid && (refusedAtTheGate(token) || key.algorithm() != null && !key.algorithm().equals(alg))) {
                    // Valid JWS that the filter refuses on purpose, the safe direction: characters outside
                    // the base64url alphabet that lenient decoders skip, an empty payload (an access token
                    // without claims), or a token whose alg is not the one its key declares (RFC 7520's
                    // examples reuse a PS256 key for PS384).
                    assertFalse(accepted(token, key), where);
                    refusedOnPurpose++;
                    continue;
                }
                assertEquals(valid, accepted(token, key), where);
                checkedByAlgorithm.merge(alg, 1, Integer::sum);
            }
        }
        assertTrue(refusedOnPurpose <= 12, refusedOnPurpose + " valid vectors refused on purpose");
        for (String alg : List.of("ES256", "RS256", "PS256", "HS256")) {
            assertTrue(checkedByAlgorithm.getOrDefault(alg, 0) >= 10, alg + " vectors checked: " + checkedByAlgorithm);
        }
    }

    @Test
    void rawEs256Vectors_encodingCheckNeverRefusesAValidSignature_andRefusesEveryOutOfRangeOne() throws Exception {
        JsonNode root = MAPPER.readTree(folder().resolve("ecdsa_secp256r1_sha256_p1363_test.json").toFile());
        HexFormat hex = HexFormat.of();
        int refusedInvalid = 0;
        int checked = 0;
        for (JsonNode group : root.get("testGroups")) {
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(hex.parseHex(group.get("publicKeyDer").asText())));
            for (JsonNode test : group.get("tests")) {
                byte[] signature = hex.parseHex(test.get("sig").asText());
                boolean wellFormed = SignatureAlgorithm.ES256.wellFormed(key, signature);
                String where = "tcId " + test.get("tcId") + ": " + test.get("comment");
                if (test.get("result").asText().equals("valid")) {
                    assertTrue(wellFormed, where);
                }
                if (signature.length != 64 || test.get("flags").toString().contains("RangeCheck")
                        || test.get("flags").toString().contains("InvalidSignature") && isZeroOrAboveOrder(key, signature)) {
                    assertFalse(wellFormed, where);
                }
                refusedInvalid += wellFormed ? 0 : 1;
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " vectors checked");
        assertTrue(refusedInvalid > 20, "only " + refusedInvalid + " malformed signatures refused");
    }

    private static boolean refusedAtTheGate(String token) {
        try {
            CompactJws.split(token);
            return false;
        } catch (TokenRejectedException e) {
            return true;
        }
    }

    /** The header's alg as text, or "?" for headers that are not even base64url JSON. */
    private static String headerAlg(String token) {
        try {
            JsonNode alg = MAPPER.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')))).get("alg");
            return alg != null && alg.isTextual() && alg.asText().length() <= 5 ? alg.asText() : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    private static boolean isZeroOrAboveOrder(ECPublicKey key, byte[] signature) {
        java.math.BigInteger n = key.getParams().getOrder();
        java.math.BigInteger r = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        java.math.BigInteger s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        return r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0;
    }
}
