package io.claimguard.filter;

import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.issuedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.claimguard.filter.revocation.RedisRevocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Token misuse detection on the shared Redis: one token sent from more loopback client addresses
 * (127.0.0.1, 127.0.0.2, ...) than allowed, or in a burst beyond the allowed number of requests,
 * is reported once per window with its iss, sub and jti (never the token), and revoked when so
 * configured; the counts live in Redis, so two instances add up to one count.
 */
class MisuseDetectionTest {
    private static final Duration DETECTION = Duration.ofSeconds(5);
    private final String prefix = TestRedis.uniquePrefix();
    private final List<AutoCloseable> open = new ArrayList<>();
    private LogLines log;

    @BeforeEach
    void watch() {
        TestRedis.assumeShared();
        log = new LogLines(RedisRevocations.class);
        open.add(log);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        TestRedis.deleteAll(prefix);
    }

    private TestServer instance(int maxAddresses, int maxRequests, boolean revoke) throws Exception {
        RedisRevocations store = RedisRevocations.builder(TestRedis.SHARED_URL).keyPrefix(prefix)
                .misuse(maxAddresses, maxRequests, Duration.ofSeconds(60), revoke).build();
        open.add(store);
        TestServer server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().clock(Clock.systemUTC())
                .revocations(store).build()).build());
        open.add(server);
        return server;
    }

    private static String token(String jti) {
        return Fixture.rs256(issuedAt(RSA_ISS, "mallory", jti, Instant.now().getEpochSecond() - 5, ""));
    }

    private List<String> misuseLines() {
        return log.at(Level.WARN).stream().filter(line -> line.startsWith("token misuse:")).toList();
    }

    @Test
    void oneTokenFromMoreAddressesThanAllowed_isReportedOnce_andRevoked() throws Exception {
        TestServer server = instance(2, 0, true);
        String token = token("m-1");
        assertEquals(200, server.statusFrom("127.0.0.1", token));
        assertEquals(200, server.statusFrom("127.0.0.2", token));
        assertEquals(200, server.statusFrom("127.0.0.2", token), "the same address again is no new address");
        server.statusFrom("127.0.0.3", token);   // the third address: counted off the request path
        TestRedis.await(DETECTION, "revocation after the third address", () -> server.statusFrom("127.0.0.1", token) == 401);
        assertEquals(401, server.statusFrom("127.0.0.2", token), "refused from every address");
        assertEquals(200, server.statusFrom("127.0.0.3", token("m-2")), "another token of the same subject is untouched");

        List<String> lines = misuseLines();
        assertEquals(1, lines.size(), log.all());
        String line = lines.get(0);
        assertTrue(line.startsWith("token misuse: reason=too_many_addresses iss=" + RSA_ISS + " sub=mallory jti=m-1 addresses=3"),
                line);
        assertTrue(line.contains("last_client=127.0.0.3 action=revoke"), line);
        assertFalse(log.all().contains(token.substring(token.lastIndexOf('.') + 1)), "never the token");
    }

    @Test
    void logOnly_reportsOncePerWindow_andLeavesTheTokenValid() throws Exception {
        TestServer server = instance(2, 0, false);
        String token = token("l-1");
        for (int last = 1; last <= 5; last++) {
            assertEquals(200, server.statusFrom("127.0.0." + last, token));
        }
        TestRedis.await(DETECTION, "the report", () -> !misuseLines().isEmpty());
        try (RedisClient redis = TestRedis.shared()) {
            String addresses = prefix + "use:addresses:" + RSA_ISS.length() + ":" + RSA_ISS + "l-1";
            TestRedis.await(DETECTION, "all five addresses counted", () -> redis.scard(addresses) == 5);
            assertTrue(redis.ttl(addresses) > 0 && redis.ttl(addresses) <= 60, "the count lasts one window");
        }
        assertEquals(1, misuseLines().size(), "once per window, not once per request over the limit: " + log.all());
        assertTrue(misuseLines().get(0).contains("action=log"));
        assertEquals(200, server.statusFrom("127.0.0.6", token), "action log: the token stays valid");
    }

    @Test
    void aBurstBeyondTheRate_isReported_andRevoked() throws Exception {
        TestServer server = instance(0, 5, true);
        String token = token("b-1");
        for (int i = 0; i < 6; i++) {
            server.statusFrom("127.0.0.1", token);
        }
        TestRedis.await(DETECTION, "revocation after the burst", () -> server.statusFrom("127.0.0.1", token) == 401);
        List<String> lines = misuseLines();
        assertEquals(1, lines.size(), log.all());
        assertTrue(lines.get(0).startsWith("token misuse: reason=too_many_requests iss=" + RSA_ISS + " sub=mallory jti=b-1"),
                lines.get(0));
    }

    @Test
    void twoInstances_addUpToOneCount() throws Exception {
        TestServer first = instance(2, 0, true);
        TestServer second = instance(2, 0, true);
        String token = token("t-1");
        assertEquals(200, first.statusFrom("127.0.0.1", token));
        assertEquals(200, second.statusFrom("127.0.0.2", token));
        assertEquals(200, first.statusFrom("127.0.0.1", token));
        second.statusFrom("127.0.0.3", token);   // a third address, seen by neither instance twice
        TestRedis.await(DETECTION, "revocation on the first instance", () -> first.statusFrom("127.0.0.1", token) == 401);
        TestRedis.await(DETECTION, "revocation on the second instance", () -> second.statusFrom("127.0.0.2", token) == 401);
        assertEquals(1, misuseLines().size(), "one report across both instances: " + log.all());
    }
}
