package io.claimguard.benchmarks;

import io.claimguard.core.GuardContext;
import io.claimguard.filter.JwtAuthFilter;
import io.claimguard.filter.revocation.Revocations;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One request whose token the filter has verified before, as the filter benchmarks send it: an
 * RS256 token from a key generated per trial, a filter checking revocation against the given
 * store, a stub request and response (any call the filter is not expected to make fails the
 * benchmark), and a chain that reads the current subject, as the driver would. The constructor
 * sends the request once and fails unless the filter let it through.
 */
final class SeenTokenRequest {
    private final JwtAuthFilter filter;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final FilterChain chain;

    SeenTokenRequest(Revocations revocations, Blackhole sink) throws Exception {
        KeyPair key = Tokens.rsa();
        TokenVerifier verifier = TokenVerifier.builder()
                .issuer(Tokens.ISSUER, IssuerKeys.publicKeys(Map.of("k1", key.getPublic())), List.of("RS256"))
                .audiences(List.of(Tokens.AUDIENCE))
                .revocations(revocations)
                .build();
        filter = JwtAuthFilter.builder(verifier).build();
        request = new BenchRequest(Tokens.rs256(key, 1));
        response = new HttpServletResponseWrapper(unsupported(HttpServletResponse.class));
        chain = (req, res) -> sink.consume(GuardContext.current().orElse(null));
        boolean[] reached = new boolean[1];
        filter.doFilter(request, response, (req, res) -> reached[0] = true);   // seen once: every later call is a cache hit
        if (!reached[0]) {
            throw new IllegalStateException("the filter refused the benchmark request");
        }
        if (GuardContext.current().isPresent()) {
            throw new IllegalStateException("a subject outlived its request");
        }
    }

    void throughFilter() throws Exception {
        filter.doFilter(request, response, chain);
    }

    void withoutFilter() throws Exception {
        chain.doFilter(request, response);
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
