package io.claimguard.filter;

import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.issuedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.claimguard.filter.revocation.RedisRevocations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared store failing under a running filter, against a redis-server the test starts itself
 * (password-protected, on a free port; the shared server is left alone): requests are refused
 * with 503 while Redis is down (after the grace period when one is configured), Redis is not tried
 * on every request meanwhile, exactly one WARN line reports the outage and one INFO line the
 * recovery, and neither names the password; the store recovers without a restart.
 */
class RedisOutageTest {
    private static final String PASSWORD = "Pq7-redis-s3cret";
    private final String prefix = TestRedis.uniquePrefix();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closedAfter(T resource) {
        open.add(resource);
        return resource;
    }

    private TestServer serve(RedisRevocations store) throws Exception {
        return closedAfter(new TestServer(JwtAuthFilter.builder(Fixture.verifier().clock(Clock.systemUTC())
                .revocations(store).build()).build()));
    }

    private static String token(String jti) {
        return Fixture.rs256(issuedAt(RSA_ISS, "alice", jti, Instant.now().getEpochSecond() - 5, ""));
    }

    @Test
    void redisDiesMidTraffic_requestsFailClosed_oneWarn_thenRecovers_oneInfo() throws Exception {
        TestRedis.OwnServer redis = closedAfter(TestRedis.OwnServer.start(PASSWORD));
        LogLines log = closedAfter(new LogLines(RedisRevocations.class));
        RedisRevocations store = closedAfter(RedisRevocations.builder(redis.url()).keyPrefix(prefix)
                .timeout(Duration.ofMillis(300)).retry(Duration.ofMillis(50)).cache(Duration.ofSeconds(1)).build());
        TestServer server = serve(store);
        String token = token("o-1");
        assertEquals(200, server.status(token));

        // Four clients keep sending the token while Redis is killed and started again.
        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    seen.add(server.status(token));
                }
            }));
        }
        try {
            TestRedis.await(Duration.ofSeconds(5), "traffic flowing", () -> seen.size() > 20);
            redis.kill();
            TestRedis.await(Duration.ofSeconds(5), "the first refusal", () -> seen.contains(503));
            TestServer.Response refused = server.bearer(token);
            assertEquals(503, refused.status(), "fail closed: whether the token was revoked is unknown");
            assertNull(refused.header("www-authenticate"), "no challenge: nothing is wrong with the token");
            assertEquals("no-store", refused.header("cache-control"));
            for (int i = 0; i < 20; i++) {
                assertEquals(503, server.status(token), "every request while Redis is down");
            }
            List<Integer> sofar = List.copyOf(seen);   // the clients are still adding to it
            assertTrue(sofar.subList(sofar.indexOf(503), sofar.size()).stream().allMatch(s -> s == 503 || s == 200),
                    "only 503 (or answers given just before the failure), never an error: " + sofar);

            redis.start();
            TestRedis.await(Duration.ofSeconds(5), "recovery without a restart", () -> server.status(token) == 200);
            TestRedis.await(Duration.ofSeconds(5), "the traffic recovering too", () -> seen.get(seen.size() - 1) == 200);
        } finally {
            stop.set(true);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
        }
        List<String> warnings = log.at(Level.WARN);
        assertEquals(1, warnings.size(), "one line for the outage: " + log.all());
        assertTrue(warnings.get(0).startsWith("revocation store redis://127.0.0.1:" + redis.port() + "/0 is unreachable ("
                + "JedisConnectionException"), warnings.get(0));
        assertTrue(warnings.get(0).contains("requests are refused (503) until it answers"), warnings.get(0));
        List<String> recoveries = log.at(Level.INFO);
        assertEquals(1, recoveries.size(), "one line for the recovery: " + log.all());
        assertTrue(recoveries.get(0).startsWith("revocation store redis://127.0.0.1:" + redis.port() + "/0 is reachable again"));
        assertFalse(log.all().contains(PASSWORD), "never the password");

        // The restarted Redis forgot the scripts (and, having no persistence, every revocation): both work again.
        store.revokeToken(RSA_ISS, "o-1", Instant.now().plusSeconds(600));
        assertEquals(401, server.status(token));
    }

    @Test
    void duringTheGracePeriod_checksPass_afterIt_requestsAreRefused() throws Exception {
        TestRedis.OwnServer redis = closedAfter(TestRedis.OwnServer.start(null));
        LogLines log = closedAfter(new LogLines(RedisRevocations.class));
        SteppedClock clock = new SteppedClock();
        RedisRevocations store = closedAfter(RedisRevocations.builder(redis.url()).keyPrefix(prefix)
                .timeout(Duration.ofMillis(300)).retry(Duration.ofMillis(100)).grace(Duration.ofSeconds(30)).clock(clock).build());
        TestServer server = serve(store);
        String token = token("g-1");
        assertEquals(200, server.status(token));
        redis.kill();
        assertEquals(200, server.status(token), "within the grace period");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(200, server.status(token), "still within it");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(503, server.status(token), "after it");
        assertEquals(1, log.at(Level.WARN).size(), log.all());
        assertTrue(log.at(Level.WARN).get(0).contains("requests pass unchecked for 30 s, then are refused (503)"));
        redis.start();
        clock.advance(Duration.ofMillis(100));
        assertEquals(200, server.status(token), "recovered");
        assertEquals(1, log.at(Level.INFO).size(), log.all());
    }

    @Test
    void aRedisThatHangs_costsTheTimeoutOncePerRetryInterval_notOnEveryRequest() throws Exception {
        // Accepts connections and never answers: every command would wait for the full timeout.
        ServerSocket silent = closedAfter(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> acceptor = new AtomicReference<>(new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }));
        acceptor.get().setDaemon(true);
        acceptor.get().start();
        open.add(() -> {
            for (Socket socket : accepted) {
                socket.close();
            }
        });
        LogLines log = closedAfter(new LogLines(RedisRevocations.class));
        RedisRevocations store = closedAfter(RedisRevocations.builder("redis://127.0.0.1:" + silent.getLocalPort() + "/0")
                .keyPrefix(prefix).timeout(Duration.ofMillis(400)).retry(Duration.ofMinutes(5)).build());
        TestServer server = serve(store);
        String token = token("h-1");
        assertEquals(1, log.at(Level.WARN).size(), "reported when the store is opened: " + log.all());
        assertTrue(log.at(Level.WARN).get(0).contains("JedisConnectionException: SocketTimeoutException"), log.all());
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertEquals(503, server.status(token));
        }
        Duration tenRequests = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(tenRequests.compareTo(Duration.ofMillis(400)) < 0,
                "ten refusals took " + tenRequests.toMillis() + " ms: the circuit is open, nobody waits for the timeout");
        assertEquals(1, log.at(Level.WARN).size(), log.all());
        assertTrue(accepted.size() <= 2, "Redis was not tried again: " + accepted.size() + " connections");
    }

    /** A clock that moves only when told. */
    private static final class SteppedClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration step) {
            now.updateAndGet(t -> t.plus(step));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
