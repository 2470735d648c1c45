package io.claimguard.filter;

import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static io.claimguard.filter.Fixture.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import io.claimguard.filter.token.TokenVerifier;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * Context binding and token hygiene through a real Jetty: tokens bound to client networks (with
 * X-Forwarded-For believed only from trusted proxies), the tenant claim reaching the Subject,
 * personal-data claims warned about or refused, and an oversized token.
 */
class ContextBindingTest {

    /** Reports the subject's id and its {@code tid} claim. */
    static final class Tenant extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Subject subject = GuardContext.current().orElseThrow();
            response.getWriter().print(subject.id() + " tid=" + subject.claim("tid").orElse("-"));
        }
    }

    private static TestServer server(JwtAuthFilter filter) throws Exception {
        return new TestServer(filter);
    }

    private static String bound(String networks) {
        return rs256(claims(RSA_ISS, ",\"cip\":" + networks));
    }

    @Test
    void clientAddress_directPeer() throws Exception {
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().clientAddressClaim("cip").build()).build();
        try (TestServer server = server(filter)) {
            assertEquals(200, server.bearer(bound("[\"127.0.0.0/8\"]")).status());
            assertEquals(200, server.bearer(bound("\"127.0.0.1/32\"")).status(), "one range as a string");
            TestServer.Response elsewhere = server.bearer(bound("[\"10.1.0.0/16\"]"));
            assertEquals(401, elsewhere.status());
            assertTrue(elsewhere.header("www-authenticate").contains("invalid_token"));
            assertEquals(401, server.get("/app", "Authorization: Bearer " + bound("[\"10.1.0.0/16\"]"),
                    "X-Forwarded-For: 10.1.2.3").status(), "X-Forwarded-For from an untrusted peer is ignored");
            assertEquals(401, server.bearer(rs256(claims(RSA_ISS, ""))).status(), "a bound filter needs the claim");
            assertEquals(401, server.bearer(bound("[\"not-a-network\"]")).status());
            assertEquals(401, server.bearer(bound("[]")).status());
        }
    }

    @Test
    void clientAddress_behindTrustedProxies() throws Exception {
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().clientAddressClaim("cip").build())
                .trustedProxy("127.0.0.1/32").trustedProxy("192.168.0.0/24").build();
        String token = bound("[\"10.1.0.0/16\"]");
        try (TestServer server = server(filter)) {
            assertEquals(200, server.get("/app", "Authorization: Bearer " + token, "X-Forwarded-For: 10.1.2.3").status());
            assertEquals(200, server.get("/app", "Authorization: Bearer " + token,
                    "X-Forwarded-For: 10.1.2.3, 192.168.0.7").status(), "a chain of trusted proxies is walked from the right");
            assertEquals(200, server.get("/app", "Authorization: Bearer " + token, "X-Forwarded-For: 203.0.113.9",
                    "X-Forwarded-For: 10.1.2.3").status(), "several headers are one list");
            assertEquals(401, server.get("/app", "Authorization: Bearer " + token,
                    "X-Forwarded-For: 10.1.2.3, 203.0.113.9").status(), "the client cannot prepend an address it likes");
            assertEquals(401, server.get("/app", "Authorization: Bearer " + token, "X-Forwarded-For: 10.1.2.3, bogus").status(),
                    "a malformed hop leaves the client unknown");
            assertEquals(401, server.bearer(token).status(), "no header: the trusted peer itself is the client");
        }
    }

    @Test
    void clientAddress_isCheckedOnEveryRequest_evenWhenTheTokenIsCached() throws Exception {
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().clientAddressClaim("cip").build())
                .trustedProxy("127.0.0.1/32").build();
        String token = bound("[\"10.1.0.0/16\"]");
        try (TestServer server = server(filter)) {
            assertEquals(200, server.get("/app", "Authorization: Bearer " + token, "X-Forwarded-For: 10.1.2.3").status());
            assertEquals(401, server.get("/app", "Authorization: Bearer " + token, "X-Forwarded-For: 10.2.0.1").status());
            assertEquals(200, server.get("/app", "Authorization: Bearer " + token, "X-Forwarded-For: 10.1.9.9").status());
        }
    }

    @Test
    void tenantClaim_reachesTheSubject_andIsRequired() throws Exception {
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().tenantClaim("tid").build()).build();
        try (TestServer server = new TestServer(context -> {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new Tenant()), "/*");
        })) {
            TestServer.Response ok = server.bearer(rs256(claims(RSA_ISS, ",\"tid\":\"acme\"")));
            assertEquals(200, ok.status());
            assertEquals("alice tid=acme", ok.body());
            assertEquals(401, server.bearer(rs256(claims(RSA_ISS, ""))).status(), "missing");
            assertEquals(401, server.bearer(rs256(claims(RSA_ISS, ",\"tid\":\" \""))).status(), "blank");
            assertEquals(401, server.bearer(rs256(claims(RSA_ISS, ",\"tid\":42"))).status(), "not a string");
            assertEquals(401, server.bearer(rs256(claims(RSA_ISS, ",\"tid\":[\"acme\"]"))).status(), "not a string");
        }
    }

    @Test
    void personalData_refused() throws Exception {
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier()
                .personalDataClaims(TokenVerifier.PersonalDataClaims.REFUSE, List.of("ssn")).build()).build();
        try (TestServer server = server(filter)) {
            assertEquals(200, server.bearer(rs256(claims(RSA_ISS, ",\"name_hint\":\"A\""))).status());
            for (String claim : List.of("email", "phone_number", "address", "birthdate", "ssn")) {
                TestServer.Response refused = server.bearer(rs256(claims(RSA_ISS, ",\"" + claim + "\":\"x\"")));
                assertEquals(401, refused.status(), claim);
                assertTrue(refused.header("www-authenticate").contains("invalid_token"), claim);
            }
        }
    }

    @Test
    void personalData_warnedOncePerIssuerAndClaim_neverWithItsValue() throws Exception {
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier()
                .personalDataClaims(TokenVerifier.PersonalDataClaims.WARN, List.of()).build()).build();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestServer server = server(filter)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(200, server.bearer(rs256(claims(RSA_ISS, ",\"email\":\"jane.doe@example.com\""))).status());
            assertEquals(200, server.bearer(rs256(claims(RSA_ISS, ",\"email\":\"john.roe@example.com\""))).status());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        String warning = "tokens from issuer " + RSA_ISS + " carry the personal-data claim 'email'";
        assertEquals(1, log.split(java.util.regex.Pattern.quote(warning), -1).length - 1, log);
        assertFalse(log.contains("example.com"), "never the value: " + log);
    }

    @Test
    void fiveMegabyteToken_isTheDocumented401_neverA500() throws Exception {
        String huge = rs256(claims(RSA_ISS, ",\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\""));
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().build()).allowQueryToken(true).build();
        // A container large enough to hand the whole header to the filter: its own cap decides.
        try (TestServer server = new TestServer(8 * 1024 * 1024, context -> context.addFilter(new FilterHolder(filter), "/*",
                EnumSet.of(DispatcherType.REQUEST)))) {
            TestServer.Response response = server.bearer(huge);
            assertEquals(401, response.status());
            assertEquals("Bearer realm=\"claimguard\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
                    response.header("www-authenticate"));
            assertEquals("", response.body());
            TestServer.Response inQuery = server.get("/app?access_token=" + huge);
            assertEquals(401, inQuery.status(), "the same cap for a query token");
            assertEquals(200, server.bearer(rs256(claims(RSA_ISS, ""))).status(), "the server is still serving");
        }
    }
}
