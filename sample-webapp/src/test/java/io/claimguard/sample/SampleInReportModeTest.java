package io.claimguard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimguard.core.Mode;
import io.claimguard.sample.ApplicationLog.AuditEvent;
import io.claimguard.sample.demo.Persona;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample behind ClaimGuard with its policy in report mode ({@code mode: report} for
 * {@code jwt} and {@code jdbc}), started in a JVM of its own ({@link DemoProcess}): every persona
 * gets the real values, a write enforcement would refuse runs, a request refused for a policy
 * reason goes through, and the application's log says what enforcement would have done. A token
 * whose signature fails is still refused. Each test works on a customer of its own.
 */
class SampleInReportModeTest {
    private static DemoProcess demo;
    private static Http http;
    private static ApplicationLog log;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoProcess.start(Mode.REPORT);
        http = new Http(demo.base());
        log = new ApplicationLog(demo.logFile());
        // The driver reads its section, and warns of report mode, when the application first
        // connects: before the tests, so that the warning is no test's event.
        assertEquals(200, http.get("/api/customers/2", demo.token(Persona.COMPLIANCE)).statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void log_warnsOnceOfEachSectionInReportMode() throws Exception {
        assertEquals(200, http.get("/api/customers/6", demo.token(Persona.VISITOR)).statusCode(), "another connection");

        List<AuditEvent> warnings = log.events().stream().filter(event -> "config".equals(event.get("kind"))
                && "report".equals(event.get("mode"))).toList();

        assertEquals(List.of("jdbc", "jwt"), warnings.stream().map(event -> event.get("section")).sorted().toList(),
                warnings.toString());
        for (AuditEvent warning : warnings) {
            assertEquals("WARN", warning.level(), warning.line());
            assertEquals("report", warning.get("mode"), warning.line());
            assertTrue(warning.message().contains("REPORT mode"), warning.line());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Persona.class, names = {"AGENT", "VISITOR"})
    void personaWhoWouldBeMasked_getsTheRealValues_andTheEventNamesWhatWouldBeHidden(Persona persona) throws Exception {
        int id = persona == Persona.AGENT ? 3 : 4;
        String token = demo.token(persona);
        log.take();

        HttpResponse<String> response = http.get("/api/customers/" + id, token);

        assertEquals(200, response.statusCode());
        assertEquals(Seed.row(id), JsonRows.row(response.body()));
        assertNotEquals(Seed.row(id), Visibility.expectedRow(persona, Seed.row(id)), "enforcement would hide something");
        AuditEvent event = log.one();
        assertEquals(List.of("jdbc", "would_mask", "report", persona.subject()),
                List.of(event.get("kind"), event.get("outcome"), event.get("mode"), event.get("sub")), event.line());
        assertEquals(Visibility.hidden(persona, false), event.columns("would_mask"), event.line());
        assertEquals(Visibility.hidden(persona, true), event.columns("would_null"), event.line());
        assertFalse(event.has("masked") || event.has("nulled"), event.line());
    }

    @Test
    void agentsSaveOfAChangedSsn_runs_andTheEventSaysItWouldBeDenied() throws Exception {
        int id = 9;
        String token = demo.token(Persona.AGENT);
        ObjectNode shown = JsonRows.object(http.get("/api/customers/" + id, token).body());
        shown.put("ssn", "078-05-1120");
        log.take();

        HttpResponse<String> saved = http.putJson("/api/customers/" + id, token, shown.toString());

        assertEquals(200, saved.statusCode(), saved.body());
        // One event: the save's. Reading the row back after it is the read above again, for the same
        // token within the repeat window: counted, not written.
        AuditEvent event = log.one();
        assertEquals(List.of("jdbc", "would_deny", "report", "write_changed", "customers.ssn", "agent-7"),
                List.of(event.get("kind"), event.get("outcome"), event.get("mode"), event.get("reason"), event.get("column"),
                        event.get("sub")), event.line());
        assertFalse(event.line().contains("078-05-1120"), event.line());
        assertEquals(Seed.rowWith(id, Column.SSN, "078-05-1120"),
                JsonRows.row(http.get("/api/customers/" + id, demo.token(Persona.COMPLIANCE)).body()), "the write ran");
    }

    @ParameterizedTest
    @EnumSource(RefusedCredentials.class)
    void refusalForAPolicyReason_letsTheRequestThroughWithoutASubject_butABadSignatureIsStillRefused(
            RefusedCredentials credentials) throws Exception {
        int id = 5;
        String token = credentials.token(demo.base());
        log.take();

        HttpResponse<String> response = http.get("/api/customers/" + id, token);

        List<AuditEvent> events = log.take();
        List<AuditEvent> refusals = events.stream().filter(event -> "jwt".equals(event.get("kind"))).toList();
        assertEquals(1, refusals.size(), events.toString());
        assertTrue(events.stream().filter(event -> "jdbc".equals(event.get("kind"))).noneMatch(event -> event.has("sub")),
                () -> "the statements ran without a subject: " + events);
        AuditEvent refusal = refusals.get(0);
        assertEquals(credentials.reason, refusal.get("reason"), refusal.line());
        assertEquals(credentials.verified ? JWT.decode(token).getId() : null, refusal.get("jti"), refusal.line());
        if (credentials.policy) {
            assertEquals(200, response.statusCode());
            assertEquals(Seed.row(id), JsonRows.row(response.body()), "report mode: the real values, even without a subject");
            assertEquals(List.of("would_reject", "report"), List.of(refusal.get("outcome"), refusal.get("mode")), refusal.line());
        } else {
            assertEquals(401, response.statusCode());
            assertEquals(List.of("reject", "enforce"), List.of(refusal.get("outcome"), refusal.get("mode")), refusal.line());
        }
        if (token != null) {
            log.assertHoldsNoPartOf(List.of(token));
        }
    }
}
