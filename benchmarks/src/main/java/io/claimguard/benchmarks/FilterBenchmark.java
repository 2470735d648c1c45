package io.claimguard.benchmarks;

import io.claimguard.filter.JwtAuthFilter;
import io.claimguard.filter.revocation.InMemoryRevocations;
import java.time.Instant;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the filter adds to a request whose token it has seen before: {@code nofilter} calls the
 * chain directly, {@code filter} goes through {@link JwtAuthFilter#doFilter} first (bearer gate,
 * verified-token cache hit, expiry, revocation list and client checks, GuardContext scope,
 * request wrapper). The chain reads the current subject in both, as the driver would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {
    @Param({"nofilter", "filter"})
    public String mode;

    private SeenTokenRequest seen;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) throws Exception {
        InMemoryRevocations revocations = new InMemoryRevocations();
        revocations.revokeToken(Tokens.ISSUER, "some-other-token", Instant.now().plusSeconds(3600));
        seen = new SeenTokenRequest(revocations, blackhole);
    }

    @Benchmark
    public void request() throws Exception {
        if (mode.equals("filter")) {
            seen.throughFilter();
        } else {
            seen.withoutFilter();
        }
    }
}
