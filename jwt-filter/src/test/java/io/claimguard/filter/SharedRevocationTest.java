package io.claimguard.filter;

import static io.claimguard.filter.Fixture.EC_ISS;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.issuedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.ConfigFile;
import io.claimguard.filter.revocation.Revoker;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Two instances of an application, each a Jetty server on its own loopback port whose filter is
 * configured from the same file with {@code revocation: redis://127.0.0.1:6379/0} and a 30 s
 * answer cache, so that a revocation can only reach the other instance in time by its published
 * message. What is revoked through one instance's {@link Revoker} (the servlet context attribute)
 * is refused by both within one second; tokens issued afterwards still work.
 */
class SharedRevocationTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    private final String prefix = TestRedis.uniquePrefix();
    private String savedProperty;
    private Instance first;
    private Instance second;

    /** One deployed instance: its server, and the Revoker its filter published. */
    private record Instance(TestServer server, ServletContext context) {
        Revoker revoker() {
            return (Revoker) context.getAttribute(JwtAuthFilter.REVOKER_ATTRIBUTE);
        }

        int status(String token) {
            return server.status(token);
        }
    }

    @BeforeEach
    void deploy() throws Exception {
        TestRedis.assumeShared();
        savedProperty = System.getProperty(ConfigFile.PROPERTY);
        Path rsa = Fixture.pem(dir.resolve("rsa1.pem"), TestKeys.RSA.getPublic());
        Path ec = Fixture.pem(dir.resolve("ec1.pem"), TestKeys.EC256.getPublic());
        Path file = Files.writeString(dir.resolve("claimguard.yaml"), "jwt:\n"
                + "  issuers:\n"
                + "    - {issuer: \"" + RSA_ISS + "\", public_keys: {rsa1: \"" + rsa + "\"}, algorithms: [RS256]}\n"
                + "    - {issuer: \"" + EC_ISS + "\", public_keys: {ec1: \"" + ec + "\"}, algorithms: [ES256]}\n"
                + "  audiences: [" + Fixture.AUD + "]\n"
                + "  revocation: \"" + TestRedis.SHARED_URL + "\"\n"
                + "  revocation_options: {key_prefix: \"" + prefix + "\", cache_ms: 30000}\n");
        System.setProperty(ConfigFile.PROPERTY, file.toString());
        first = deployOne();
        second = deployOne();
        // Both instances listen before anything is cached, as they would a moment after starting.
        TestRedis.await(Duration.ofSeconds(5), "both instances subscribing", () -> TestRedis.subscribers(prefix + "revoked") == 2);
    }

    private static Instance deployOne() throws Exception {
        ServletContext[] context = new ServletContext[1];
        TestServer server = new TestServer(c -> {
            c.addEventListener(new ServletContextListener() {   // as the application sees it, in ee10 and ee8 alike
                @Override
                public void contextInitialized(ServletContextEvent event) {
                    context[0] = event.getServletContext();
                }
            });
            c.addFilter(new FilterHolder(JwtAuthFilter.class), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        });
        return new Instance(server, context[0]);
    }

    @AfterEach
    void undeploy() throws Exception {
        if (savedProperty == null) {
            System.clearProperty(ConfigFile.PROPERTY);
        } else {
            System.setProperty(ConfigFile.PROPERTY, savedProperty);
        }
        for (Instance instance : new Instance[] {first, second}) {
            if (instance != null) {
                instance.server().close();
            }
        }
        if (first != null) {
            assertEquals(0, TestRedis.subscribers(prefix + "revoked"), "destroying the filter closed its store");
            TestRedis.deleteAll(prefix);
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Both instances answer 200 (and cache that answer), and both refuse within a second of {@code revoke}. */
    private void refusedByBothWithinOneSecond(List<String> tokens, Runnable revoke) {
        for (String token : tokens) {
            assertEquals(200, first.status(token));
            assertEquals(200, second.status(token));
        }
        revoke.run();
        for (Instance instance : List.of(first, second)) {
            for (String token : tokens) {
                Duration took = TestRedis.await(Duration.ofSeconds(5), "refusal", () -> instance.status(token) == 401);
                assertTrue(took.compareTo(ONE_SECOND) < 0, "refused after " + took.toMillis() + " ms");
            }
        }
    }

    @Test
    void revokedToken_refusedByBothInstances_withinOneSecond() {
        long now = now();
        String token = Fixture.rs256(issuedAt(RSA_ISS, "alice", "j-1", now - 5, ""));
        refusedByBothWithinOneSecond(List.of(token), () -> first.revoker().revokeToken(RSA_ISS, "j-1",
                Instant.ofEpochSecond(now + 595)));
        String other = Fixture.rs256(issuedAt(RSA_ISS, "alice", "j-2", now - 5, ""));
        assertEquals(200, first.status(other), "another token of the same subject");
        assertEquals(200, second.status(other));
        String sameJtiOtherIssuer = Fixture.es256(issuedAt(EC_ISS, "alice", "j-1", now - 5, ""));
        assertEquals(200, second.status(sameJtiOtherIssuer), "a jti is revoked for its issuer only");
    }

    @Test
    void subjectCutoff_refusedByBothInstances_withinOneSecond_newTokensWork() {
        long now = now();
        String carol = Fixture.rs256(issuedAt(RSA_ISS, "carol", "c-1", now - 5, ""));
        String dave = Fixture.rs256(issuedAt(RSA_ISS, "dave", "d-1", now - 5, ""));
        refusedByBothWithinOneSecond(List.of(carol), () -> second.revoker().revokeSubjectBefore(RSA_ISS, "carol",
                Instant.now()));
        assertEquals(200, first.status(dave), "another subject");
        String carolAgain = Fixture.rs256(issuedAt(RSA_ISS, "carol", "c-2", now() + 1, ""));
        assertEquals(200, first.status(carolAgain), "a token issued after the cutoff");
        assertEquals(200, second.status(carolAgain));
    }

    @Test
    void revokedKey_refusedByBothInstances_withinOneSecond() {
        long now = now();
        String signedWithEc1 = Fixture.es256(issuedAt(EC_ISS, "alice", "k-1", now - 5, ""));
        refusedByBothWithinOneSecond(List.of(signedWithEc1), () -> first.revoker().revokeKey("ec1"));
        String freshButSameKey = Fixture.es256(issuedAt(EC_ISS, "alice", "k-2", now() + 1, ""));
        assertEquals(401, second.status(freshButSameKey), "the key is dead, whenever its tokens were issued");
        String otherKey = Fixture.rs256(issuedAt(RSA_ISS, "alice", "k-3", now() + 1, ""));
        assertEquals(200, first.status(otherKey));
        assertEquals(200, second.status(otherKey));
    }

    @Test
    void killSwitch_refusedByBothInstances_withinOneSecond_newTokensWork() {
        long now = now();
        List<String> everything = List.of(Fixture.rs256(issuedAt(RSA_ISS, "alice", "a-1", now - 5, "")),
                Fixture.rs256(issuedAt(RSA_ISS, "bob", "b-1", now - 5, "")),
                Fixture.es256(issuedAt(EC_ISS, "carol", "c-1", now - 5, "")));
        refusedByBothWithinOneSecond(everything, () -> second.revoker().revokeAllBefore(Instant.now()));
        String issuedAfter = Fixture.rs256(issuedAt(RSA_ISS, "alice", "a-2", now() + 1, ""));
        assertEquals(200, first.status(issuedAfter));
        assertEquals(200, second.status(issuedAfter));
        Instant cutoff = first.revoker().status().globalCutoff();
        assertTrue(cutoff != null && !cutoff.isAfter(Instant.now()), "the kill switch shows in the status: " + cutoff);
    }

    @Test
    void answersAreCached_soAnUnpublishedWriteStaysUnseen_untilARevocationMessage() {
        long now = now();
        String token = Fixture.rs256(issuedAt(RSA_ISS, "erin", "e-1", now - 5, ""));
        assertEquals(200, first.status(token));
        assertEquals(200, second.status(token));
        try (RedisClient redis = TestRedis.shared()) {
            // Written behind the store's back: no message, so the cached answers stand.
            redis.set(prefix + "token:" + RSA_ISS.length() + ":" + RSA_ISS + "e-1", "1");
        }
        assertEquals(200, first.status(token), "served from the cache");
        assertEquals(200, second.status(token));
        first.revoker().revokeKey("some-other-key");
        TestRedis.await(ONE_SECOND, "the first instance forgetting its answers", () -> first.status(token) == 401);
        TestRedis.await(ONE_SECOND, "the second instance forgetting its answers", () -> second.status(token) == 401);
    }

    @Test
    void status_reportsWhatIsShared() {
        Revoker revoker = first.revoker();
        revoker.revokeToken(RSA_ISS, "s-1", Instant.now().plusSeconds(60));
        revoker.revokeSubjectBefore(RSA_ISS, "frank", Instant.now());
        revoker.revokeKey("k9");
        var status = second.revoker().status();
        assertEquals(TestRedis.SHARED_URL + " (key prefix " + prefix + ")", status.store());
        assertEquals(List.of("k9"), status.revokedKeyIds());
        assertEquals(1, status.subjectCutoffs());
        assertEquals(1, status.revokedTokens());
        assertEquals(null, status.globalCutoff());
    }
}
