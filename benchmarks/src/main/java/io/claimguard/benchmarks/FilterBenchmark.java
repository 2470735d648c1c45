package io.claimguard.benchmarks;

import io.claimguard.core.GuardContext;
import io.claimguard.filter.JwtAuthFilter;
import io.claimguard.filter.revocation.InMemoryRevocations;
import io.claimguard.filter.token.IssuerKeys;
import io.claimguard.filter.token.TokenVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
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

    private JwtAuthFilter filter;
    private HttpServletRequest request;
    private HttpServletResponse response;
    private FilterChain chain;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) throws Exception {
        sink = blackhole;
        KeyPair key = Tokens.rsa();
        String token = Tokens.rs256(key, 1);
        InMemoryRevocations revocations = new InMemoryRevocations();
        revocations.revokeToken(Tokens.ISSUER, "some-other-token", java.time.Instant.now().plusSeconds(3600));
        TokenVerifier verifier = TokenVerifier.builder()
                .issuer(Tokens.ISSUER, IssuerKeys.publicKeys(Map.of("k1", key.getPublic())), List.of("RS256"))
                .audiences(List.of(Tokens.AUDIENCE))
                .revocations(revocations)
                .build();
        filter = JwtAuthFilter.builder(verifier).build();
        request = new BenchRequest(token);
        response = new HttpServletResponseWrapper(unsupported(HttpServletResponse.class));
        chain = (req, res) -> sink.consume(GuardContext.current().orElse(null));
        filter.doFilter(request, response, chain);   // seen once: every measured call is a cache hit
        if (GuardContext.current().isPresent()) {
            throw new IllegalStateException("a subject outlived its request");
        }
    }

    @Benchmark
    public void request() throws Exception {
        if (mode.equals("filter")) {
            filter.doFilter(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Fails on any method a benchmark stub does not implement, so the measured path is exactly the one written here. */
    @SuppressWarnings("unchecked")
    static <T> T unsupported(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
        });
    }

    /** The request a container would hand over: GET /api/orders from 10.0.0.7 with one bearer header. */
    static final class BenchRequest extends HttpServletRequestWrapper {
        private final List<String> authorization;

        BenchRequest(String token) {
            super(unsupported(HttpServletRequest.class));
            this.authorization = List.of("Bearer " + token);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Authorization".equalsIgnoreCase(name) ? Collections.enumeration(authorization) : Collections.emptyEnumeration();
        }

        @Override
        public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name) ? authorization.get(0) : null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getServletPath() {
            return "/api";
        }

        @Override
        public String getPathInfo() {
            return "/orders";
        }

        @Override
        public String getRemoteAddr() {
            return "10.0.0.7";
        }
    }
}
