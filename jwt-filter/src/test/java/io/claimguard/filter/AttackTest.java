package io.claimguard.filter;

import static io.claimguard.filter.Fixture.AUD;
import static io.claimguard.filter.Fixture.EC_ISS;
import static io.claimguard.filter.Fixture.HMAC_ISS;
import static io.claimguard.filter.Fixture.NOW;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static io.claimguard.filter.Fixture.es256;
import static io.claimguard.filter.Fixture.header;
import static io.claimguard.filter.Fixture.hs256;
import static io.claimguard.filter.Fixture.raw;
import static io.claimguard.filter.Fixture.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack classes of the issue, each sent over HTTP to a real Jetty with the filter in front:
 * every one gets its documented status and an RFC 6750 challenge, never a 500, never a body.
 */
class AttackTest {
    private static TestServer server;
    /** Loopback server standing in for attacker-hosted key URLs: it must never be contacted. */
    private static HttpServer bait;
    private static final AtomicInteger BAIT_HITS = new AtomicInteger();

    record Case(String name, List<String> headers, int status, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bait.createContext("/", exchange -> {
            BAIT_HITS.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        bait.start();
        server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().build()).build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        bait.stop(0);
        assertEquals(0, BAIT_HITS.get(), "no URL from a token header may ever be fetched");
    }

    private static Case ok(String name, String token) {
        return new Case(name, List.of("Authorization: Bearer " + token), 200, null);
    }

    private static Case invalid(String name, String token) {
        return new Case(name, List.of("Authorization: Bearer " + token), 401, "invalid_token");
    }

    private static Case badRequest(String name, String... headers) {
        return new Case(name, List.of(headers), 400, "invalid_request");
    }

    private static String baitUrl() {
        return "http://127.0.0.1:" + bait.getAddress().getPort() + "/keys";
    }

    static Stream<Case> cases() {
        String good = claims(RSA_ISS, "");
        String token = rs256(good);
        String[] parts = token.split("\\.");
        String rsaPublicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TestKeys.RSA.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        ECPublicKey ec = (ECPublicKey) TestKeys.EC256.getPublic();
        BigInteger n = ec.getParams().getOrder();
        String ecInput = Jws.b64(header("ES256", "ec1")) + "." + Jws.b64(claims(EC_ISS, ""));
        List<Case> cases = new ArrayList<>();

        cases.add(ok("valid RS256", token));
        cases.add(ok("valid PS256", Jws.sign("PS256", TestKeys.RSA.getPrivate(), header("PS256", "rsa1"), good)));
        cases.add(ok("valid ES256", es256(claims(EC_ISS, ""))));
        cases.add(ok("valid HS256", hs256(claims(HMAC_ISS, ""))));

        // alg none and its spellings, with and without a signature
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            cases.add(invalid("alg " + none, Jws.b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + parts[1] + "."));
            cases.add(invalid("alg " + none + " with signature",
                    Jws.b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]));
        }
        cases.add(invalid("alg rs256 lower case", Jws.sign("RS256", TestKeys.RSA.getPrivate(), header("rs256", "rsa1"), good)));
        cases.add(invalid("alg missing", Jws.sign("RS256", TestKeys.RSA.getPrivate(), "{\"typ\":\"JWT\",\"kid\":\"rsa1\"}", good)));
        cases.add(invalid("alg as array", Jws.sign("RS256", TestKeys.RSA.getPrivate(), "{\"alg\":[\"RS256\"],\"typ\":\"JWT\"}", good)));
        cases.add(invalid("alg allowed elsewhere but not for this issuer", Jws.sign("RS384", TestKeys.RSA.getPrivate(), header("RS384", "rsa1"), good)));

        // null and broken signatures
        cases.add(invalid("empty signature", parts[0] + "." + parts[1] + "."));
        cases.add(invalid("signature of another key", Jws.sign("RS256", TestKeys.RSA_OTHER.getPrivate(), header("RS256", "rsa1"), good)));
        byte[] flipped = Base64.getUrlDecoder().decode(parts[2]);
        flipped[10] ^= 1;
        cases.add(invalid("one bit flipped", parts[0] + "." + parts[1] + "." + Jws.b64(flipped)));
        cases.add(invalid("payload swapped", parts[0] + "." + Jws.b64(claims(RSA_ISS, ",\"roles2\":1")) + "." + parts[2]));

        // key confusion: HMAC keyed with the public key
        cases.add(invalid("RS256 to HS256 (DER)", Jws.sign("HS256", new SecretKeySpec(TestKeys.RSA.getPublic().getEncoded(), "HMAC"),
                header("HS256", "rsa1"), good)));
        cases.add(invalid("RS256 to HS256 (PEM)", Jws.sign("HS256", new SecretKeySpec(rsaPublicPem.getBytes(), "HMAC"),
                header("HS256", "rsa1"), good)));
        cases.add(invalid("ES256 to HS256", Jws.sign("HS256", new SecretKeySpec(TestKeys.EC256.getPublic().getEncoded(), "HMAC"),
                header("HS256", "ec1"), claims(EC_ISS, ""))));
        cases.add(invalid("HMAC issuer with RS256", Jws.sign("RS256", TestKeys.RSA.getPrivate(), header("RS256", null), claims(HMAC_ISS, ""))));

        // ECDSA: psychic (all zero), r or s out of range, DER instead of P1363, wrong length
        cases.add(invalid("psychic signature r=s=0", ecInput + "." + Jws.b64(new byte[64])));
        byte[] order = unsigned(n, 32);
        cases.add(invalid("r=s=n", ecInput + "." + Jws.b64(concat(order, order))));
        cases.add(invalid("r=n, s=1", ecInput + "." + Jws.b64(concat(order, unsigned(BigInteger.ONE, 32)))));
        byte[] valid = Base64.getUrlDecoder().decode(es256(claims(EC_ISS, "")).split("\\.")[2]);
        cases.add(invalid("ES256 65 bytes", ecInput + "." + Jws.b64(Arrays.copyOf(valid, 65))));
        cases.add(invalid("ES256 DER form", ecInput + "." + Jws.b64(der(valid))));

        // header injection: never followed
        for (String member : List.of("\"jku\":\"" + baitUrl() + "\"", "\"x5u\":\"" + baitUrl() + "\"",
                "\"x5c\":[\"MIIB\"]", "\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}", "\"crit\":[\"exp\"]", "\"crit\":[\"x-unknown\"]",
                "\"zip\":\"DEF\"", "\"enc\":\"A128GCM\"", "\"p2c\":100000000", "\"cty\":\"JWT\"", "\"b64\":false")) {
            cases.add(invalid("header " + member, Jws.sign("RS256", TestKeys.RSA.getPrivate(),
                    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa1\"," + member + "}", good)));
        }
        // kid traversal, injection and odd types
        for (String kid : List.of("\"../../../../dev/null\"", "\"rsa1' OR '1'='1\"", "\"rsa1\\u0000\"", "\"\"", "123", "null",
                "[\"rsa1\"]", "{\"id\":\"rsa1\"}", "true", "\"" + "k".repeat(200) + "\"", "\"unknown\"")) {
            cases.add(invalid("kid " + (kid.length() > 30 ? kid.substring(0, 30) : kid),
                    Jws.sign("RS256", TestKeys.RSA.getPrivate(), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + kid + "}", good)));
        }

        // base64 malleability and bad encodings
        cases.add(badRequest("padded header", "Authorization: Bearer " + parts[0] + "==" + "." + parts[1] + "." + parts[2]));
        cases.add(invalid("padded signature", token + "="));
        cases.add(invalid("non-canonical last character", parts[0] + "." + parts[1] + "." + nonCanonical(parts[2])));
        cases.add(invalid("standard alphabet", parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '/') + "+/"));
        cases.add(invalid("two parts", parts[0] + "." + parts[1]));
        cases.add(invalid("four parts", token + "." + parts[2]));
        cases.add(invalid("JWE (five parts)", parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2] + "." + parts[2]));
        cases.add(invalid("header not JSON", Jws.b64("not json") + "." + parts[1] + "." + parts[2]));
        cases.add(invalid("payload invalid UTF-8", rs256Bytes(new byte[] {'{', '"', 's', 'u', 'b', '"', ':', '"', (byte) 0xC3, '"', '}'})));
        cases.add(invalid("payload JSON array", rs256("[" + good + "]")));
        cases.add(invalid("payload null", rs256("null")));
        cases.add(invalid("payload string", rs256("\"" + good.replace("\"", "'") + "\"")));
        cases.add(invalid("trailing JSON", rs256(good + "{}")));
        cases.add(invalid("comment in JSON", rs256(good.replace("{", "{/*x*/"))));
        cases.add(badRequest("JSON serialisation", "Authorization: Bearer {\"payload\":\"" + parts[1] + "\",\"signatures\":[]}"));

        // duplicates and depth
        cases.add(invalid("duplicate sub", rs256(claims(RSA_ISS, ",\"sub\":\"admin\""))));
        cases.add(invalid("duplicate sub by escape", rs256(claims(RSA_ISS, ",\"s\\u0075b\":\"admin\""))));
        cases.add(invalid("duplicate alg", Jws.sign("RS256", TestKeys.RSA.getPrivate(),
                "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"rsa1\",\"alg\":\"RS256\"}", good)));
        cases.add(invalid("deep nesting", rs256(claims(RSA_ISS, ",\"x\":" + "[".repeat(50) + "]".repeat(50)))));
        cases.add(invalid("token over 8 KiB", rs256(claims(RSA_ISS, ",\"pad\":\"" + "a".repeat(9000) + "\""))));

        // numbers and lifetimes
        cases.add(invalid("exp missing", rs256(raw("\"iss\":\"" + RSA_ISS + "\",\"sub\":\"a\",\"aud\":\"" + AUD + "\",\"iat\":" + NOW))));
        cases.add(invalid("exp null", rs256(lifetime("null", NOW - 10, null))));
        cases.add(invalid("exp string", rs256(lifetime("\"" + (NOW + 60) + "\"", NOW - 10, null))));
        cases.add(invalid("exp boolean", rs256(lifetime("true", NOW - 10, null))));
        cases.add(invalid("exp 1e400", rs256(lifetime("1e400", NOW - 10, null))));
        cases.add(invalid("exp huge integer", rs256(lifetime("9".repeat(30), NOW - 10, null))));
        cases.add(invalid("exp 41 digits", rs256(lifetime("1" + "0".repeat(40), NOW - 10, null))));
        cases.add(invalid("exp negative", rs256(lifetime("-1", NOW - 10, null))));
        cases.add(invalid("iat missing", rs256(raw("\"iss\":\"" + RSA_ISS + "\",\"sub\":\"a\",\"aud\":\"" + AUD + "\",\"exp\":" + (NOW + 60)))));
        cases.add(invalid("expired beyond leeway", rs256(lifetime(String.valueOf(NOW - 31), NOW - 100, null))));
        cases.add(ok("expired within leeway", rs256(lifetime(String.valueOf(NOW - 30), NOW - 100, null))));
        cases.add(ok("exp as decimal", rs256(lifetime((NOW + 60) + ".5", NOW - 100, null))));
        cases.add(invalid("nbf beyond leeway", rs256(lifetime(String.valueOf(NOW + 600), NOW - 10, NOW + 31))));
        cases.add(ok("nbf within leeway", rs256(lifetime(String.valueOf(NOW + 600), NOW - 10, NOW + 30))));
        cases.add(invalid("nbf string", rs256(claims(RSA_ISS, ",\"nbf\":\"0\""))));
        cases.add(invalid("iat in the future", rs256(lifetime(String.valueOf(NOW + 600), NOW + 31, null))));
        cases.add(ok("iat within leeway", rs256(lifetime(String.valueOf(NOW + 600), NOW + 30, null))));
        cases.add(ok("lifetime exactly the maximum", rs256(lifetime(String.valueOf(NOW + 3590), NOW - 10, null))));
        cases.add(invalid("lifetime one second over", rs256(lifetime(String.valueOf(NOW + 3591), NOW - 10, null))));
        cases.add(invalid("exp before iat", rs256(lifetime(String.valueOf(NOW + 10), NOW + 20, null))));

        // iss, aud, typ, claim types
        cases.add(invalid("unknown issuer", rs256(claims("https://evil.test/", ""))));
        cases.add(invalid("issuer with trailing slash missing", rs256(claims("https://rsa.test", ""))));
        cases.add(invalid("issuer of another key", rs256(claims(EC_ISS, ""))));
        cases.add(invalid("iss as array", rs256(raw("\"iss\":[\"" + RSA_ISS + "\"],\"sub\":\"a\",\"aud\":\"" + AUD + "\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 60)))));
        cases.add(invalid("wrong audience", rs256(claims(RSA_ISS, "").replace(AUD, "billing-api"))));
        cases.add(ok("audience in array", rs256(claims(RSA_ISS, "").replace("\"" + AUD + "\"", "[\"billing-api\",\"" + AUD + "\"]"))));
        cases.add(invalid("audience empty array", rs256(claims(RSA_ISS, "").replace("\"" + AUD + "\"", "[]"))));
        cases.add(invalid("audience number", rs256(claims(RSA_ISS, "").replace("\"" + AUD + "\"", "42"))));
        cases.add(invalid("audience array with number", rs256(claims(RSA_ISS, "").replace("\"" + AUD + "\"", "[\"" + AUD + "\",1]"))));
        cases.add(invalid("no audience", rs256(raw("\"iss\":\"" + RSA_ISS + "\",\"sub\":\"a\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 60)))));
        cases.add(invalid("typ missing", Jws.sign("RS256", TestKeys.RSA.getPrivate(), "{\"alg\":\"RS256\",\"kid\":\"rsa1\"}", good)));
        cases.add(invalid("typ JOSE", Jws.sign("RS256", TestKeys.RSA.getPrivate(), "{\"alg\":\"RS256\",\"typ\":\"JOSE\",\"kid\":\"rsa1\"}", good)));
        cases.add(invalid("typ as number", Jws.sign("RS256", TestKeys.RSA.getPrivate(), "{\"alg\":\"RS256\",\"typ\":1,\"kid\":\"rsa1\"}", good)));
        cases.add(ok("typ application/at+jwt", Jws.sign("RS256", TestKeys.RSA.getPrivate(),
                "{\"alg\":\"RS256\",\"typ\":\"application/at+jwt\",\"kid\":\"rsa1\"}", good)));
        cases.add(invalid("sub number", rs256(claims(RSA_ISS, "").replace("\"sub\":\"alice\"", "\"sub\":42"))));
        cases.add(invalid("sub blank", rs256(claims(RSA_ISS, "").replace("\"sub\":\"alice\"", "\"sub\":\" \""))));
        cases.add(invalid("sub missing", rs256(claims(RSA_ISS, "").replace("\"sub\":\"alice\",", ""))));
        cases.add(invalid("jti number", rs256(claims(RSA_ISS, "").replace("\"jti\":\"t-1\"", "\"jti\":7"))));

        // Bearer syntax
        cases.add(new Case("no credentials", List.of(), 401, null));
        cases.add(new Case("Basic scheme", List.of("Authorization: Basic YWxpY2U6cHc="), 401, null));
        cases.add(new Case("lower-case scheme", List.of("Authorization: bearer " + token), 200, null));
        cases.add(badRequest("scheme only", "Authorization: Bearer"));
        cases.add(badRequest("scheme and spaces", "Authorization: Bearer    "));
        cases.add(badRequest("tab separator", "Authorization: Bearer\t" + token));
        cases.add(badRequest("no separator", "Authorization: Bearer" + token));
        cases.add(badRequest("two headers", "Authorization: Bearer " + token, "Authorization: Bearer " + token));
        cases.add(badRequest("comma-joined tokens", "Authorization: Bearer " + token + ", Bearer " + token));
        cases.add(badRequest("quoted token", "Authorization: Bearer \"" + token + "\""));
        cases.add(badRequest("percent in token", "Authorization: Bearer " + token.replace(".", "%2E")));
        cases.add(badRequest("only padding", "Authorization: Bearer ==="));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void documentedStatus(Case c) throws Exception {
        TestServer.Response response = server.get("/app", c.headers.toArray(new String[0]));
        assertEquals(c.status, response.status(), c.name);
        if (c.status == 200) {
            assertTrue(response.body().startsWith("subject=alice principal=alice"), response.body());
            return;
        }
        assertEquals("", response.body(), "refusals carry no body (no stack trace, no parser message)");
        String challenge = response.header("www-authenticate");
        assertTrue(challenge.startsWith("Bearer realm=\"claimguard\""), challenge);
        if (c.error == null) {
            assertFalse(challenge.contains("error="), "no error attribute when no token was sent: " + challenge);
        } else {
            assertTrue(challenge.contains("error=\"" + c.error + "\""), challenge);
            assertTrue(challenge.contains("error_description=\"The "), challenge);
        }
        assertEquals("no-store", response.header("cache-control"));
    }

    @Test
    void queryToken_refusedUnlessConfigured() throws Exception {
        String token = rs256(claims(RSA_ISS, ""));
        TestServer.Response refused = server.get("/app?access_token=" + token);
        assertEquals(400, refused.status());
        assertTrue(refused.header("www-authenticate").contains("invalid_request"));
        try (TestServer allowing = new TestServer(JwtAuthFilter.builder(Fixture.verifier().build()).allowQueryToken(true).build())) {
            assertEquals(200, allowing.get("/app?x=1&access_token=" + token).status());
            assertEquals(400, allowing.get("/app?access_token=" + token, "Authorization: Bearer " + token).status(),
                    "a header and a query token together are two credentials");
        }
    }

    @Test
    void hugeHeader_neverA500() throws Exception {
        TestServer.Response response = server.get("/app", "Authorization: Bearer " + "a".repeat(60_000));
        assertEquals(401, response.status());
        assertEquals("", response.body());
    }

    private static String lifetime(String exp, long iat, Long nbf) {
        return raw("\"iss\":\"" + RSA_ISS + "\",\"sub\":\"alice\",\"aud\":\"" + AUD + "\",\"iat\":" + iat + ",\"exp\":" + exp
                + (nbf == null ? "" : ",\"nbf\":" + nbf));
    }

    private static String rs256Bytes(byte[] payload) {
        String input = Jws.b64(header("RS256", "rsa1")) + "." + Jws.b64(payload);
        return input + "." + Jws.b64(Jws.signature("RS256", TestKeys.RSA.getPrivate(), input.getBytes()));
    }

    /** The same bytes with the unused low bits of the last character set. */
    private static String nonCanonical(String part) {
        char last = part.charAt(part.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(last);
        int unusedBits = part.length() % 4 == 2 ? 4 : part.length() % 4 == 3 ? 2 : 0;
        if (unusedBits == 0) {
            return part + "A";   // a length that is never canonical
        }
        return part.substring(0, part.length() - 1) + alphabet.charAt(value | 1);
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** ASN.1 DER SEQUENCE { INTEGER r, INTEGER s } of a P1363 signature. */
    private static byte[] der(byte[] p1363) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(p1363, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(p1363, 32, 64)).toByteArray();
        byte[] out = new byte[6 + r.length + s.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + r.length + s.length);
        out[2] = 0x02;
        out[3] = (byte) r.length;
        System.arraycopy(r, 0, out, 4, r.length);
        out[4 + r.length] = 0x02;
        out[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, out, 6 + r.length, s.length);
        return out;
    }
}
