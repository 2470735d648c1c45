package io.claimguard.filter;

import static io.claimguard.filter.Fixture.AUD;
import static io.claimguard.filter.Fixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.claimguard.filter.token.IssuerKeys;
import io.claimguard.filter.token.TokenVerifier;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys from a real JWKS served on a loopback port: rotation, floods, keys that must not fit. */
class JwksTest {
    private static final String ISS = "https://jwks.test/";
    private HttpServer jwks;
    private final AtomicReference<String> document = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger served = new AtomicInteger();
    private TestServer server;
    private TokenVerifier verifier;
    /** Starts at Fixture.NOW; tests move it forward past the refresh cool-down. */
    private final AtomicReference<java.time.Instant> now = new AtomicReference<>(Fixture.CLOCK.instant());
    private final java.time.Clock clock = new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void start() throws Exception {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            served.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.setExecutor(Executors.newFixedThreadPool(2));
        jwks.start();
        verifier = TokenVerifier.builder()
                .issuer(ISS, IssuerKeys.jwks(URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json")),
                        List.of("RS256", "ES256"))
                .audiences(List.of(AUD)).clock(clock)
                .jwksRefreshCooldown(Duration.ofSeconds(30))
                .build();
        server = new TestServer(JwtAuthFilter.builder(verifier).build());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        jwks.stop(0);
    }

    static String rsaJwk(String kid, KeyPair pair, String extra) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(key.getModulus()) + "\",\"e\":\""
                + b64(key.getPublicExponent()) + "\"" + extra + "}";
    }

    private static String ecJwk(String kid, KeyPair pair, String crv, String extra) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return "{\"kty\":\"EC\",\"kid\":\"" + kid + "\",\"crv\":\"" + crv + "\",\"x\":\"" + b64(key.getW().getAffineX())
                + "\",\"y\":\"" + b64(key.getW().getAffineY()) + "\"" + extra + "}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String keys(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    private static String token(String alg, KeyPair pair, String kid) {
        return Jws.sign(alg, pair.getPrivate(), Fixture.header(alg, kid), Fixture.claims(ISS, ""));
    }

    @Test
    void rotation_newKidFetchedOnFirstUse_oldOneGone() throws Exception {
        document.set(keys(rsaJwk("k1", TestKeys.RSA, ",\"use\":\"sig\",\"alg\":\"RS256\"")));
        assertEquals(200, server.bearer(token("RS256", TestKeys.RSA, "k1")).status());
        document.set(keys(rsaJwk("k2", TestKeys.RSA_OTHER, "")));
        now.set(now.get().plusSeconds(31));
        assertEquals(200, server.bearer(token("RS256", TestKeys.RSA_OTHER, "k2")).status(), "an unknown kid refreshes the set");
        assertEquals(2, served.get());
        assertEquals(401, server.bearer(token("RS256", TestKeys.RSA, "k9")).status());
        assertEquals(2, served.get(), "within the cool-down an unknown kid fetches nothing");
    }

    @Test
    void unknownKidFlood_boundedFetches() throws Exception {
        document.set(keys(rsaJwk("k1", TestKeys.RSA, "")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String kid = "invented-" + i;
                statuses.add(pool.submit(() -> server.bearer(token("RS256", TestKeys.RSA, kid)).status()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(401, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, served.get(), "200 invented kids in parallel cost one fetch");
        assertEquals(200, server.bearer(token("RS256", TestKeys.RSA, "k1")).status());
    }

    @Test
    void keysThatMustNotFit_refused() throws Exception {
        document.set(keys(
                rsaJwk("enc", TestKeys.RSA, ",\"use\":\"enc\""),
                rsaJwk("ops", TestKeys.RSA, ",\"key_ops\":[\"encrypt\"]"),
                rsaJwk("alg384", TestKeys.RSA, ",\"alg\":\"RS384\""),
                rsaJwk("short", TestKeys.RSA_1024, ""),
                ecJwk("p384", TestKeys.EC384, "P-384", ""),
                ecJwk("claims256", TestKeys.EC384, "P-256", ""),
                "{\"kty\":\"oct\",\"kid\":\"oct\",\"k\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(TestKeys.HMAC) + "\"}",
                rsaJwk("twice", TestKeys.RSA, ""), rsaJwk("twice", TestKeys.RSA_OTHER, ""),
                ecJwk("ec", TestKeys.EC256, "P-256", ",\"use\":\"sig\"")));
        for (String kid : List.of("enc", "ops", "alg384", "short", "twice")) {
            assertEquals(401, server.bearer(token("RS256", kid.equals("short") ? TestKeys.RSA_1024 : TestKeys.RSA, kid)).status(), kid);
        }
        assertEquals(401, server.bearer(token("ES384", TestKeys.EC384, "p384")).status(), "ES384 is not allowed");
        assertEquals(401, server.bearer(token("ES256", TestKeys.EC384, "claims256")).status(), "wrong curve");
        assertEquals(401, server.bearer(Jws.sign("HS256", new javax.crypto.spec.SecretKeySpec(TestKeys.HMAC, "HMAC"),
                Fixture.header("HS256", "oct"), Fixture.claims(ISS, ""))).status(), "a JWKS never yields HMAC keys");
        assertEquals(200, server.bearer(token("ES256", TestKeys.EC256, "ec")).status());
        assertEquals(401, server.bearer(token("RS256", TestKeys.RSA, "ec")).status(), "an EC key never verifies RS256");
    }

    @Test
    void oversizedKeySet_refused() throws Exception {
        document.set(keys(rsaJwk("k1", TestKeys.RSA, ",\"pad\":\"" + "x".repeat(70_000) + "\"")));
        assertEquals(401, server.bearer(token("RS256", TestKeys.RSA, "k1")).status());
    }

    @Test
    void rotationRace_everyAnswerIs200Or401_andNewKeyWins() throws Exception {
        TokenVerifier eager = TokenVerifier.builder()
                .issuer(ISS, IssuerKeys.jwks(URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json")))
                .audiences(List.of(AUD)).clock(Fixture.CLOCK).jwksRefreshCooldown(Duration.ZERO).tokenCacheSize(0).build();
        document.set(keys(rsaJwk("k1", TestKeys.RSA, "")));
        try (TestServer racing = new TestServer(JwtAuthFilter.builder(eager).build())) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    if (i == 60) {
                        document.set(keys(rsaJwk("k2", TestKeys.RSA_OTHER, "")));
                    }
                    boolean old = i % 2 == 0;
                    statuses.add(pool.submit(() -> racing.bearer(old ? token("RS256", TestKeys.RSA, "k1")
                            : token("RS256", TestKeys.RSA_OTHER, "k2")).status()));
                }
                for (Future<Integer> status : statuses) {
                    int s = status.get();
                    assertTrue(s == 200 || s == 401, "status " + s);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(200, racing.bearer(token("RS256", TestKeys.RSA_OTHER, "k2")).status());
        }
        assertEquals(NOW, Fixture.CLOCK.instant().getEpochSecond());
    }
}
