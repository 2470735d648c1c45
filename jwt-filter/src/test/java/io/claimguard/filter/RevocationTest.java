package io.claimguard.filter;

import static io.claimguard.filter.Fixture.EC_ISS;
import static io.claimguard.filter.Fixture.NOW;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.claimguard.filter.revocation.InMemoryRevocations;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revocation through the filter: checked on every request, keyed on (iss, jti), not the token text. */
class RevocationTest {
    private final InMemoryRevocations revocations = new InMemoryRevocations(Fixture.CLOCK);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().revocations(revocations).build()).build());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void revokedToken_refusedEvenWhenCached_andItsMalleatedCopyToo() throws Exception {
        String token = Fixture.es256(claims(EC_ISS, ""));
        assertEquals(200, server.bearer(token).status());
        String malleated = malleate(token);
        assertNotEquals(token, malleated);
        assertEquals(200, server.bearer(malleated).status(), "s -> n - s is a second valid signature");
        revocations.revokeToken(EC_ISS, "t-1", Instant.ofEpochSecond(NOW + 600));
        TestServer.Response replay = server.bearer(token);
        assertEquals(401, replay.status());
        assertEquals("Bearer realm=\"claimguard\", error=\"invalid_token\", error_description=\"The access token was revoked\"",
                replay.header("www-authenticate"));
        assertEquals(401, server.bearer(malleated).status());
        assertEquals(200, server.bearer(Fixture.es256(claims(EC_ISS, "").replace("t-1", "t-2"))).status());
    }

    @Test
    void subjectCutoff_globalCutoff_andKeyId() throws Exception {
        String alice = Fixture.rs256(claims(RSA_ISS, ""));
        String bob = Fixture.rs256(claims(RSA_ISS, "").replace("alice", "bob"));
        assertEquals(200, server.bearer(alice).status());
        revocations.revokeSubjectBefore(RSA_ISS, "alice", Instant.ofEpochSecond(NOW));
        assertEquals(401, server.bearer(alice).status());
        assertEquals(200, server.bearer(bob).status());
        revocations.revokeKey("ec1");
        assertEquals(401, server.bearer(Fixture.es256(claims(EC_ISS, ""))).status());
        assertEquals(200, server.bearer(bob).status());
        revocations.revokeAllBefore(Instant.ofEpochSecond(NOW));
        assertEquals(401, server.bearer(bob).status());
    }

    @Test
    void jtiRequiredWhenRevocationIsOn() throws Exception {
        assertEquals(401, server.bearer(Fixture.rs256(claims(RSA_ISS, "").replace(",\"jti\":\"t-1\"", ""))).status());
    }

    /** The same ES256 token with s replaced by n - s. */
    private static String malleate(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        BigInteger n = ((ECPublicKey) TestKeys.EC256.getPublic()).getParams().getOrder();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] flipped = n.subtract(s).toByteArray();
        byte[] out = Arrays.copyOf(signature, 64);
        Arrays.fill(out, 32, 64, (byte) 0);
        int copy = Math.min(flipped.length, 32);
        System.arraycopy(flipped, flipped.length - copy, out, 64 - copy, copy);
        return parts[0] + "." + parts[1] + "." + Jws.b64(out);
    }
}
