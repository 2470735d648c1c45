package io.claimguard.filter;

import static io.claimguard.filter.Fixture.NOW;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.audit.RepeatThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The filter's audit events through a real Jetty and a JSON Logback pipeline: each refusal writes
 * exactly one event with its reason, status and client address, the verified identity once the
 * signature was checked, and never the token.
 */
class RejectionAuditTest {
    private final List<String> tokens = new ArrayList<>();
    private final AuditLog audit = new AuditLog();
    private TestServer server;

    private void start(int windowSeconds) throws Exception {
        server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().build())
                .pathRequirement("/admin/*", List.of("role:auditor"))
                .auditRepeats(new RepeatThrottle.Settings(Duration.ofSeconds(windowSeconds), 1000))
                .build());
    }

    @AfterEach
    void stop() throws Exception {
        String written = audit.text();
        audit.close();
        if (server != null) {
            server.close();
        }
        for (String token : tokens) {
            for (String part : token.split("\\.")) {
                assertFalse(written.contains(part), "the audit log carries part of a token: " + written);
            }
        }
        assertFalse(written.contains("Bearer"), written);
    }

    private String token(String payload) {
        String token = Fixture.rs256(payload);
        tokens.add(token);
        return token;
    }

    /** Issued 700 s ago, expired 100 s ago (past the 30 s leeway). */
    private String expiredToken() {
        return token(Fixture.issuedAt(RSA_ISS, "alice", "t-1", NOW - 700, ""));
    }

    private JsonNode one() {
        List<JsonNode> events = audit.take();
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    @Test
    void noToken_oneEvent_withReasonStatusAndClient() throws Exception {
        start(0);
        assertEquals(401, server.get("/app").status());
        JsonNode event = one();
        assertEquals("claimguard.audit", event.get("logger_name").asText());
        assertEquals("jwt", event.get("kind").asText());
        assertEquals("reject", event.get("outcome").asText());
        assertEquals("enforce", event.get("mode").asText());
        assertEquals("no_token", event.get("reason").asText());
        assertEquals(401, event.get("status").asInt());
        assertEquals("127.0.0.1", event.get("client").asText());
        assertFalse(event.has("sub") || event.has("iss") || event.has("jti"), event.toString());
    }

    @Test
    void badSignature_noIdentity_sinceNothingWasVerified() throws Exception {
        start(0);
        String token = token(claims(RSA_ISS, ""));
        String forged = Fixture.forged(token);
        tokens.add(forged);
        assertEquals(401, server.bearer(forged).status());
        JsonNode event = one();
        assertEquals("bad_signature", event.get("reason").asText());
        assertFalse(event.has("sub"), "claims of an unverified token are not believed: " + event);
    }

    @Test
    void expiredToken_carriesTheVerifiedIdentity() throws Exception {
        start(0);
        assertEquals(401, server.bearer(expiredToken()).status());
        JsonNode event = one();
        assertEquals("expired", event.get("reason").asText());
        assertEquals(RSA_ISS, event.get("iss").asText());
        assertEquals("alice", event.get("sub").asText());
        assertEquals("t-1", event.get("jti").asText());
    }

    @Test
    void missingScope_403_oneEvent() throws Exception {
        start(0);
        assertEquals(403, server.get("/admin/x", "Authorization: Bearer " + token(claims(RSA_ISS, ""))).status());
        JsonNode event = one();
        assertEquals("insufficient_scope", event.get("reason").asText());
        assertEquals(403, event.get("status").asInt());
        assertEquals("alice", event.get("sub").asText());
    }

    @Test
    void acceptedRequest_writesNoEvent() throws Exception {
        start(0);
        assertEquals(200, server.bearer(token(claims(RSA_ISS, ""))).status());
        assertEquals(List.of(), audit.take());
    }

    @Test
    void repeatedRefusals_areCounted_notWritten() throws Exception {
        start(3600);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, server.get("/app").status());
        }
        assertEquals(1, audit.take().size(), "ten identical refusals, one event");
        assertEquals(400, server.get("/app", "Authorization: Bearer two words").status());
        assertEquals(401, server.bearer(expiredToken()).status());
        assertEquals(List.of("malformed_authorization", "expired"),
                audit.take().stream().map(e -> e.get("reason").asText()).toList());
    }
}
