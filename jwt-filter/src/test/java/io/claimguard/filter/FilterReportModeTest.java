package io.claimguard.filter;

import static io.claimguard.filter.Fixture.NOW;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.Mode;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.filter.token.RejectionReason;
import io.claimguard.filter.token.VerifierStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jwt.mode: report} through a real Jetty: requests refused for a policy reason go through
 * (with the subject when the token verified), each audited as {@code would_reject}; malformed and
 * unverifiable tokens are refused all the same.
 */
class FilterReportModeTest {
    private final AuditLog audit = new AuditLog();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TestServer server;

    @TempDir
    Path dir;

    private void start() throws Exception {
        server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().stats(VerifierStats.micrometer(registry)).build())
                .pathRequirement("/admin/*", List.of("role:auditor"))
                .auditRepeats(new RepeatThrottle.Settings(Duration.ZERO, 100))
                .mode(Mode.REPORT)
                .build());
    }

    @AfterEach
    void stop() throws Exception {
        audit.close();
        if (server != null) {
            server.close();
        }
    }

    private JsonNode one() {
        List<JsonNode> events = audit.take();
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    private double wouldReject(String reason) {
        var counter = registry.find("claimguard.jwt.requests").tags("outcome", "would_reject", "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void startup_warnsOnce_onTheAuditLogger() throws Exception {
        start();
        JsonNode warning = one();
        assertEquals("WARN", warning.get("level").asText());
        assertEquals("config", warning.get("kind").asText());
        assertEquals("jwt", warning.get("section").asText());
        assertEquals("report", warning.get("mode").asText());
    }

    @Test
    void policyRefusals_goThrough_withTheSubjectOnlyWhenTheTokenVerified() throws Exception {
        start();
        audit.take();
        TestServer.Response noToken = server.get("/app");
        assertEquals(200, noToken.status());
        assertTrue(noToken.body().startsWith("subject=- "), noToken.body());
        JsonNode event = one();
        assertEquals("would_reject", event.get("outcome").asText());
        assertEquals("report", event.get("mode").asText());
        assertEquals("no_token", event.get("reason").asText());

        String expired = Fixture.rs256(Fixture.issuedAt(RSA_ISS, "alice", "t-1", NOW - 700, ""));   // expired 100 s ago
        TestServer.Response late = server.bearer(expired);
        assertEquals(200, late.status());
        assertTrue(late.body().startsWith("subject=- "), "an expired token gives no subject: " + late.body());
        JsonNode expiredEvent = one();
        assertEquals("expired", expiredEvent.get("reason").asText());
        assertEquals("alice", expiredEvent.get("sub").asText());

        TestServer.Response scope = server.get("/admin/x", "Authorization: Bearer " + Fixture.rs256(claims(RSA_ISS, "")));
        assertEquals(200, scope.status());
        assertTrue(scope.body().startsWith("subject=alice "), "a verified token keeps its subject: " + scope.body());
        assertEquals("insufficient_scope", one().get("reason").asText());

        assertEquals(1, wouldReject("no_token"));
        assertEquals(1, wouldReject("expired"));
        assertEquals(1, wouldReject("insufficient_scope"));
    }

    @Test
    void malformedAndUnverifiableTokens_areRefusedAllTheSame() throws Exception {
        start();
        audit.take();
        String token = Fixture.rs256(claims(RSA_ISS, ""));
        String forged = Fixture.forged(token);
        assertEquals(401, server.bearer(forged).status());
        JsonNode event = one();
        assertEquals("reject", event.get("outcome").asText());
        assertEquals("enforce", event.get("mode").asText());
        assertEquals("bad_signature", event.get("reason").asText());
        assertEquals(401, server.bearer("not-a-token").status());
        assertEquals("malformed_token", one().get("reason").asText());
        assertEquals(400, server.get("/app", "Authorization: Bearer two words").status());
        assertEquals("reject", one().get("outcome").asText());
        for (RejectionReason reason : List.of(RejectionReason.BAD_SIGNATURE, RejectionReason.MALFORMED_TOKEN,
                RejectionReason.UNKNOWN_ISSUER, RejectionReason.ALGORITHM_NOT_ALLOWED, RejectionReason.KEY_MISMATCH)) {
            assertFalse(Refusals.REPORTABLE.contains(reason), reason + " is always enforced");
        }
    }

    @Test
    void jwtMode_isReadFromTheConfigurationFile() throws Exception {
        Path pem = Fixture.pem(dir.resolve("rsa1.pem"), TestKeys.RSA.getPublic());
        Path file = Files.writeString(dir.resolve("claimguard.yaml"), "jwt:\n  issuer: \"" + RSA_ISS + "\"\n"
                + "  public_keys: {rsa1: \"" + pem + "\"}\n  audiences: [orders-api]\n  mode: report\n", StandardCharsets.UTF_8);
        JwtAuthFilter.Settings report = JwtConfigReader.read(ConfigFile.load(file.toString()), Map.of());
        assertFalse(report.refusals().enforces(RejectionReason.NO_TOKEN));
        assertTrue(report.refusals().enforces(RejectionReason.BAD_SIGNATURE));
        JwtAuthFilter.Settings enforce = JwtConfigReader.read(ConfigFile.load(file.toString()), Map.of("mode", "enforce"));
        assertTrue(enforce.refusals().enforces(RejectionReason.NO_TOKEN), "an init-param overrides the key");
    }
}
