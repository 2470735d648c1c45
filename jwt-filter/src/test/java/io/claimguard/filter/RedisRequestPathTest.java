package io.claimguard.filter;

import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.issuedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimguard.filter.revocation.RedisRevocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * What a request costs in Redis, counted by Redis itself (INFO commandstats of a redis-server the
 * test starts, so that nobody else's commands count): one command per request without the
 * answer cache, none for a token whose answer is cached. Redis counts the commands a script runs
 * as well, so each script call shows with the four reads it makes.
 */
class RedisRequestPathTest {
    /** What a new pooled connection sends first; not part of any request. */
    private static final Set<String> CONNECTING = Set.of("hello", "client|setname", "client|setinfo", "auth", "select");

    private TestRedis.OwnServer redis;
    private Jedis observer;

    @BeforeEach
    void start() throws Exception {
        redis = TestRedis.OwnServer.start(null);
        observer = new Jedis("127.0.0.1", redis.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (observer != null) {
            observer.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Calls per command so far, leaving out what the observer itself and the pool's idle checks send. */
    private Map<String, Long> calls() {
        Map<String, Long> calls = new HashMap<>();
        for (String line : observer.info("commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                long count = Long.parseLong(line.replaceAll("^[^:]*:calls=([0-9]+),.*", "$1"));
                if (!command.equals("info") && !command.equals("ping") && !CONNECTING.contains(command)) {
                    calls.put(command, count);
                }
            }
        }
        return calls;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((command, count) -> {
            long added = count - before.getOrDefault(command, 0L);
            if (added != 0) {
                delta.put(command, added);
            }
        });
        return delta;
    }

    /** One script call, and the reads it makes, {@code times} times. */
    private static Map<String, Long> scriptCalls(long times) {
        return Map.of("evalsha", times, "get", times, "sismember", times, "hget", times, "exists", times);
    }

    private Map<String, Long> commandsFor(RedisRevocations store, int requests) throws Exception {
        try (store; TestServer server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().clock(Clock.systemUTC())
                .revocations(store).build()).build())) {
            String token = Fixture.rs256(issuedAt(RSA_ISS, "alice", "p-1", Instant.now().getEpochSecond() - 5, ""));
            Map<String, Long> before = calls();
            for (int i = 0; i < requests; i++) {
                assertEquals(200, server.bearer(token).status());
            }
            return minus(calls(), before);
        }
    }

    @Test
    void withoutTheCache_oneScriptCallPerRequest_andNothingElse() throws Exception {
        RedisRevocations store = RedisRevocations.builder(redis.url()).build();
        assertEquals(scriptCalls(50), commandsFor(store, 50));
    }

    @Test
    void withTheCache_aSeenTokenCostsNoCommand() throws Exception {
        RedisRevocations store = RedisRevocations.builder(redis.url()).cache(Duration.ofSeconds(30)).build();
        TestRedis.await(Duration.ofSeconds(5), "the subscription", () -> observer.pubsubNumSub("claimguard:revoked")
                .get("claimguard:revoked") == 1);
        assertEquals(scriptCalls(1), commandsFor(store, 50), "the first request asks, the other 49 do not");
    }
}
