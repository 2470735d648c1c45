package io.claimguard.benchmarks;

import io.claimguard.filter.revocation.InMemoryRevocations;
import io.claimguard.filter.revocation.RedisRevocations;
import io.claimguard.filter.revocation.RevocationStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import redis.clients.jedis.RedisClient;

/**
 * What the revocation store adds to a request whose token the filter has seen before (the
 * {@link FilterBenchmark} path): {@code memory} is {@link InMemoryRevocations}; {@code redis}
 * asks {@link RedisRevocations} on every request (one script round trip); {@code redis-cached}
 * reuses its answer for up to a second (nothing is revoked during the run, so the cache stays
 * valid and Redis is asked about once a second); {@code ping} is no filter at all, only one Jedis
 * {@code PING} through a pool: the round trip that {@code redis} cannot go below. Each store holds
 * one revoked key id that the token does not use. Redis is {@code -Dclaimguard.bench.redis}
 * (default {@code redis://127.0.0.1:6379/0}), used under a key prefix of the run's own, whose one
 * key is deleted afterwards.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RevocationBenchmark {
    private static final String REDIS = System.getProperty("claimguard.bench.redis", "redis://127.0.0.1:6379/0");

    @Param({"memory", "redis", "redis-cached", "ping"})
    public String store;

    private final String prefix = "claimguard-bench:" + UUID.randomUUID() + ":";
    private RevocationStore revocations;
    private RedisClient redis;
    private SeenTokenRequest seen;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) throws Exception {
        sink = blackhole;
        redis = RedisClient.create(REDIS);
        revocations = switch (store) {
            case "memory", "ping" -> new InMemoryRevocations();
            case "redis" -> RedisRevocations.builder(REDIS).keyPrefix(prefix).build();
            case "redis-cached" -> RedisRevocations.builder(REDIS).keyPrefix(prefix).cache(Duration.ofSeconds(1)).build();
            default -> throw new IllegalArgumentException(store);
        };
        revocations.revokeKey("some-other-key");
        seen = new SeenTokenRequest(revocations, blackhole);
    }

    @Benchmark
    public void request() throws Exception {
        if (store.equals("ping")) {
            sink.consume(redis.ping());
        } else {
            seen.throughFilter();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        revocations.close();
        redis.del(prefix + "kids");   // the one key the run wrote
        redis.close();
    }
}
