package io.claimguard.filter;

import static io.claimguard.filter.Fixture.EC_ISS;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.claimguard.filter.revocation.InMemoryRevocations;
import io.claimguard.filter.token.IssuerKeys;
import io.claimguard.filter.token.VerifierStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter's metrics in a Micrometer SimpleMeterRegistry after real requests through Jetty. */
class FilterMetricsTest {
    private static final String JWKS_ISS = "https://jwks.test/";
    private static final String DOWN_ISS = "https://down.test/";
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryRevocations revocations = new InMemoryRevocations(Fixture.CLOCK);
    private HttpServer jwks;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            byte[] body = JwksTest.keys(JwksTest.rsaJwk("k1", TestKeys.RSA_OTHER, "")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        HttpServer closed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int closedPort = closed.getAddress().getPort();   // bound, never started, then freed: nothing answers there
        closed.stop(0);
        server = new TestServer(JwtAuthFilter.builder(Fixture.verifier()
                        .issuer(JWKS_ISS, IssuerKeys.jwks(URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json")),
                                List.of("RS256"))
                        .issuer(DOWN_ISS, IssuerKeys.jwks(URI.create("http://127.0.0.1:" + closedPort + "/jwks.json")),
                                List.of("RS256"))
                        .jwksTimeouts(Duration.ofMillis(300), Duration.ofMillis(300))
                        .revocations(revocations)
                        .stats(VerifierStats.micrometer(registry))
                        .build())
                .pathRequirement("/admin/*", List.of("role:auditor"))
                .build());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        jwks.stop(0);
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void requestsJwksFetchesAndRevocationLookups_areCounted() throws Exception {
        String alice = Fixture.rs256(claims(RSA_ISS, ""));
        assertEquals(200, server.bearer(alice).status());
        assertEquals(200, server.bearer(alice).status());
        assertEquals(401, server.get("/app").status());
        assertEquals(403, server.get("/admin/x", "Authorization: Bearer " + alice).status());
        String ec = Fixture.es256(claims(EC_ISS, ""));
        revocations.revokeToken(EC_ISS, "t-1", Instant.ofEpochSecond(Fixture.NOW + 600));
        assertEquals(401, server.bearer(ec).status());
        assertEquals(200, server.bearer(Jws.sign("RS256", TestKeys.RSA_OTHER.getPrivate(), Fixture.header("RS256", "k1"),
                claims(JWKS_ISS, ""))).status());
        assertEquals(401, server.bearer(Jws.sign("RS256", TestKeys.RSA.getPrivate(), Fixture.header("RS256", "k1"),
                claims(DOWN_ISS, ""))).status());

        assertEquals(3, count("claimguard.jwt.requests", "outcome", "accepted", "mode", "enforce"));
        assertEquals(1, count("claimguard.jwt.requests", "outcome", "rejected", "reason", "no_token"));
        assertEquals(1, count("claimguard.jwt.requests", "outcome", "rejected", "reason", "insufficient_scope"));
        assertEquals(1, count("claimguard.jwt.requests", "outcome", "rejected", "reason", "revoked"));
        assertEquals(1, count("claimguard.jwt.requests", "outcome", "rejected", "reason", "unknown_key"));
        assertEquals(1, count("claimguard.jwt.jwks.fetches", "result", "success"));
        assertEquals(1, count("claimguard.jwt.jwks.fetches", "result", "failure"));
        assertEquals(1, count("claimguard.jwt.revocation.lookups", "result", "revoked"));
        assertEquals(4, count("claimguard.jwt.revocation.lookups", "result", "not_revoked"));
    }
}
