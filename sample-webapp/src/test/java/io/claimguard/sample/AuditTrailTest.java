package io.claimguard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimguard.core.Mode;
import io.claimguard.sample.ApplicationLog.AuditEvent;
import io.claimguard.sample.demo.Persona;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The audit trail of the sample behind ClaimGuard, read back from the application's own log: each
 * decision about a real request is one event, with the fields that say what was decided about
 * whom, and nothing secret (no token or part of one, no value read or written). The demo runs in
 * a JVM of its own ({@link DemoProcess}), so that no other test's requests count as repeats of
 * these; each test asks with a token of its own for the same reason.
 */
class AuditTrailTest {
    private static final Set<String> JDBC_FIELDS = Set.of("kind", "outcome", "mode", "fingerprint", "iss", "sub", "jti");
    private static final String FINGERPRINT = "[0-9a-f]{16}";

    private static DemoProcess demo;
    private static Http http;
    private static ApplicationLog log;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoProcess.start(Mode.ENFORCE);
        http = new Http(demo.base());
        log = new ApplicationLog(demo.logFile());
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void jsonPut_changingAHiddenSsn_isOneDenial_namingReasonAndColumn_withoutAnyValue() throws Exception {
        int id = 9;
        String token = demo.token(Persona.AGENT);
        ObjectNode shown = JsonRows.object(http.get("/api/customers/" + id, token).body());
        shown.put("ssn", "078-05-1120");
        shown.put("city", "Salem");
        log.take();

        HttpResponse<String> refused = http.putJson("/api/customers/" + id, token, shown.toString());

        assertEquals(403, refused.statusCode());
        AuditEvent denial = log.one();
        assertEquals(union(JDBC_FIELDS, "reason", "column"), denial.fields().keySet(), denial.line());
        assertEquals(List.of("INFO", "jdbc", "deny", "enforce", "write_changed", "customers.ssn"),
                List.of(denial.level(), denial.get("kind"), denial.get("outcome"), denial.get("mode"), denial.get("reason"),
                        denial.get("column")), denial.line());
        assertTrue(denial.get("fingerprint").matches(FINGERPRINT), denial.line());
        assertIdentifies(denial, token);
        assertCarriesNoneOf(denial, JsonRows.row(shown).values());
        assertEquals(Seed.row(id), JsonRows.row(http.get("/api/customers/" + id, demo.token(Persona.COMPLIANCE)).body()),
                "the refused save changed nothing");
    }

    @Test
    void jsonPut_ofTheWholeRowAsShown_isOneEventNamingTheValuesItKept() throws Exception {
        int id = 8;
        String token = demo.token(Persona.AGENT);
        log.take();
        String body = http.get("/api/customers/" + id, token).body();

        AuditEvent read = log.one();
        assertEquals(union(JDBC_FIELDS, "masked", "nulled"), read.fields().keySet(), read.line());
        assertEquals("mask", read.get("outcome"), read.line());
        assertEquals(Visibility.hidden(Persona.AGENT, false), read.columns("masked"), read.line());
        assertEquals(Visibility.hidden(Persona.AGENT, true), read.columns("nulled"), read.line());
        assertIdentifies(read, token);

        ObjectNode shown = JsonRows.object(body);
        shown.put("phone", "+15125550100");
        HttpResponse<String> saved = http.putJson("/api/customers/" + id, token, shown.toString());

        assertEquals(200, saved.statusCode(), saved.body());
        // One event: the save's. Reading the row back after it is the read above again, for the same
        // token within the repeat window: counted, not written.
        AuditEvent kept = log.one();
        assertEquals(union(JDBC_FIELDS, "preserved"), kept.fields().keySet(), kept.line());
        assertEquals("preserve", kept.get("outcome"), kept.line());
        assertEquals("enforce", kept.get("mode"), kept.line());
        assertTrue(kept.get("fingerprint").matches(FINGERPRINT), kept.line());
        assertEquals(Visibility.hidden(Persona.AGENT), kept.columns("preserved"), kept.line());
        assertIdentifies(kept, token);
        assertCarriesNoneOf(kept, JsonRows.row(shown).values());
        assertCarriesNoneOf(kept, Seed.row(id).values());
    }

    @ParameterizedTest
    @EnumSource(RefusedCredentials.class)
    void refusedRequest_isOneEvent_withReasonAndClient_namingTheTokenOnlyWhenItsSignatureVerified(RefusedCredentials credentials)
            throws Exception {
        String token = credentials.token(demo.base());
        log.take();

        HttpResponse<String> refused = http.get("/api/customers/1", token);

        assertEquals(401, refused.statusCode());
        AuditEvent event = log.one();
        Set<String> fields = Set.of("kind", "outcome", "mode", "reason", "status", "client");
        assertEquals(credentials.verified ? union(fields, "iss", "sub", "jti") : fields, event.fields().keySet(), event.line());
        assertEquals(List.of("jwt", "reject", "enforce", credentials.reason, "401", "127.0.0.1"),
                List.of(event.get("kind"), event.get("outcome"), event.get("mode"), event.get("reason"), event.get("status"),
                        event.get("client")), event.line());
        if (credentials.verified) {
            assertIdentifies(event, token);
        }
        if (token != null) {
            log.assertHoldsNoPartOf(List.of(token));
        }
    }

    /** The event's iss, sub and jti are those of {@code token}. */
    private static void assertIdentifies(AuditEvent event, String token) {
        DecodedJWT claims = JWT.decode(token);
        assertEquals(List.of(claims.getIssuer(), claims.getSubject(), claims.getId()),
                List.of(event.get("iss"), event.get("sub"), event.get("jti")), event.line());
        assertEquals(demo.base() + "/", claims.getIssuer());
    }

    /** Fails if the event's line holds one of {@code values} (those of four characters or more: ids and digits are everywhere). */
    private static void assertCarriesNoneOf(AuditEvent event, Collection<String> values) {
        for (String value : values) {
            if (value != null && value.length() >= 4) {
                assertFalse(event.line().contains(value), () -> "the event carries '" + value + "': " + event.line());
            }
        }
    }

    private static Set<String> union(Set<String> fields, String... more) {
        Set<String> all = new HashSet<>(fields);
        all.addAll(List.of(more));
        return all;
    }
}
