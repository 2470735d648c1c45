package io.claimguard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimguard.sample.demo.Persona;
import io.claimguard.sample.launcher.DemoServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample application behind ClaimGuard, through the running demo over HTTP: what each persona
 * sees in pages and JSON, whole-row saves, refused tokens, and what reaches the log file.
 */
@ExtendWith(DemoFixture.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleBehindClaimGuardTest {
    /** Every token this class sent, forged ones included: none may reach the log. */
    private static final Set<String> SENT_TOKENS = ConcurrentHashMap.newKeySet();
    private static final Map<Persona, String> TOKENS = new EnumMap<>(Persona.class);

    private static URI base;
    private static Http http;
    private static ApplicationLog log;

    @BeforeAll
    static void start(DemoServer server) throws Exception {
        base = server.base();
        http = new Http(base);
        log = new ApplicationLog(server.logFile());
        for (Persona persona : Persona.values()) {
            TOKENS.put(persona, server.token(persona));
        }
        SENT_TOKENS.addAll(TOKENS.values());
    }

    private static String token(Persona persona) {
        return TOKENS.get(persona);
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void jsonList_showsEachPersonaItsViewOfEveryCustomer(Persona persona) throws Exception {
        HttpResponse<String> response = http.get("/api/customers", token(persona));

        assertEquals(200, response.statusCode());
        assertEquals(expectedRows(persona, Seed.rows()), JsonRows.rows(response.body()));
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void jsonDetailAndSearch_showTheSameView(Persona persona) throws Exception {
        HttpResponse<String> one = http.get("/api/customers/3", token(persona));
        HttpResponse<String> search = http.get("/api/customers/search?q=FAIR", token(persona));

        assertEquals(200, one.statusCode());
        JsonNode object = JsonRows.JSON.readTree(one.body());
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "name", "email", "phone", "ssn", "card_number", "salary", "city", "notes"), keys);
        assertEquals(Visibility.expectedRow(persona, Seed.row(3)), JsonRows.row(object));

        assertEquals(200, search.statusCode());
        assertEquals(expectedRows(persona, seededMatching("fair")), JsonRows.rows(search.body()));
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void htmlListAndSearch_showWhoIsAskingAndTheirView(Persona persona) throws Exception {
        HttpResponse<String> response = http.get("/customers", token(persona));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HtmlPage page = new HtmlPage(response.body());
        assertEquals(persona.subject(), page.whoami());
        assertEquals(expectedRows(persona, Seed.rows()), page.rows());
        HttpResponse<String> search = http.get("/customers/search?q=FAIR", token(persona));
        assertEquals(200, search.statusCode());
        assertEquals(expectedRows(persona, seededMatching("fair")), new HtmlPage(search.body()).rows());
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void htmlDetailAndEditForm_showTheSameView(Persona persona) throws Exception {
        HttpResponse<String> detail = http.get("/customers/4", token(persona));
        HttpResponse<String> edit = http.get("/customers/4/edit", token(persona));

        assertEquals(200, detail.statusCode());
        assertEquals(Map.of(4, Visibility.expectedRow(persona, Seed.row(4))), new HtmlPage(detail.body()).rows());
        assertEquals(200, edit.statusCode());
        Map<String, String> expectedInputs = new LinkedHashMap<>();
        Visibility.expectedRow(persona, Seed.row(4)).forEach((column, value) -> expectedInputs.put(column.key, value == null ? "" : value));
        assertEquals(expectedInputs, new HtmlPage(edit.body()).inputs());
    }

    @Test
    void formPost_asSupportAgent_savesTheVisibleEditAndKeepsTheHiddenValues() throws Exception {
        int id = 7;
        try {
            Map<String, String> form = new HtmlPage(http.get("/customers/" + id + "/edit", token(Persona.AGENT)).body()).inputs();
            assertEquals(Visibility.expected(Persona.AGENT, Column.SSN, Seed.row(id).get(Column.SSN)), form.get("ssn"));
            form.put("notes", "Called back on Tuesday.");

            HttpResponse<String> saved = http.postForm("/customers/" + id, token(Persona.AGENT), form);

            assertEquals(303, saved.statusCode());
            assertEquals("/customers/" + id, saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
            Map<Column, String> expected = Seed.rowWith(id, Column.NOTES, "Called back on Tuesday.");
            assertEquals(expected, Seed.stored(id));
            assertEquals(Map.of(id, Visibility.expectedRow(Persona.AGENT, expected)),
                    new HtmlPage(http.get("/customers/" + id, token(Persona.AGENT)).body()).rows());
        } finally {
            Seed.restore(id);
        }
    }

    /** The whole row as the persona was shown it, one field they may see changed: only that field changes. */
    @ParameterizedTest
    @CsvSource({"AGENT, 8, phone, +15125550100", "VISITOR, 11, city, Lakewood"})
    void jsonPut_ofWhatWasShown_savesTheVisibleEditAndKeepsTheHiddenValues(Persona persona, int id, String key, String value)
            throws Exception {
        try {
            ObjectNode shown = JsonRows.object(http.get("/api/customers/" + id, token(persona)).body());
            assertTrue(shown.get("salary").isNull());
            shown.put(key, value);

            HttpResponse<String> saved = http.putJson("/api/customers/" + id, token(persona), shown.toString());

            assertEquals(200, saved.statusCode(), saved.body());
            Map<Column, String> expected = Seed.rowWith(id, Column.byKey(key).orElseThrow(), value);
            assertEquals(expected, Seed.stored(id));
            assertEquals(Visibility.expectedRow(persona, expected), JsonRows.row(saved.body()));
        } finally {
            Seed.restore(id);
        }
    }

    @Test
    void jsonPut_asSupportAgent_changingAHiddenValue_isRefusedAndChangesNothing() throws Exception {
        int id = 9;
        ObjectNode shown = JsonRows.object(http.get("/api/customers/" + id, token(Persona.AGENT)).body());
        shown.put("ssn", "123-45-6789");
        shown.put("city", "Salem");

        HttpResponse<String> refused = http.putJson("/api/customers/" + id, token(Persona.AGENT), shown.toString());

        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("6789"), refused.body());
        assertEquals(Seed.row(id), Seed.stored(id));
    }

    @Test
    void withoutToken_everyDataPathIs401_andHealthAnswers() throws Exception {
        for (String path : List.of("/", "/customers", "/customers/1", "/customers/1/edit", "/customers/search?q=a",
                "/api/customers", "/api/customers/1", "/api/customers/search?q=a")) {
            HttpResponse<String> response = http.get(path, null);
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), path);
        }
        assertEquals(401, http.postForm("/customers/1", null, Map.of("name", "x")).statusCode());
        assertEquals(401, http.putJson("/api/customers/1", null, "{}").statusCode());
        HttpResponse<String> health = http.get("/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body());
    }

    @Test
    void forgedTokens_are401() throws Exception {
        DecodedJWT agent = JWT.decode(token(Persona.AGENT));
        DecodedJWT compliance = JWT.decode(token(Persona.COMPLIANCE));
        // The compliance officer's claims under the agent's header and signature.
        String swapped = agent.getHeader() + "." + compliance.getPayload() + "." + agent.getSignature();
        // The right claims and kid, signed by a key the demo never published.
        String foreignKey = RefusedCredentials.FOREIGN_SIGNATURE.token(base);
        String flipped = compliance.getHeader() + "." + compliance.getPayload() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
        for (String forged : List.of(swapped, foreignKey, flipped, RefusedCredentials.NOT_A_TOKEN.token(base))) {
            SENT_TOKENS.add(forged);
            HttpResponse<String> response = http.get("/api/customers/1", forged);
            assertEquals(401, response.statusCode());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
            assertFalse(response.body().contains(Seed.row(1).get(Column.SSN)));
        }
    }

    @Test
    void badRequests_getClearAnswers() throws Exception {
        assertEquals(404, http.get("/customers/999", token(Persona.AGENT)).statusCode());
        assertEquals(404, http.get("/api/customers/999", token(Persona.AGENT)).statusCode());
        assertEquals(404, http.get("/customers/abc", token(Persona.AGENT)).statusCode());
        HttpResponse<String> missing = http.putJson("/api/customers/5", token(Persona.COMPLIANCE), "{\"name\":\"Zoe Dubois\"}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("\"error\""), missing.body());
        Map<String, String> form = new HtmlPage(http.get("/customers/5/edit", token(Persona.COMPLIANCE)).body()).inputs();
        form.put("salary", "a lot");
        assertEquals(400, http.postForm("/customers/5", token(Persona.COMPLIANCE), form).statusCode());
        assertEquals(405, http.putJson("/api/customers", token(Persona.COMPLIANCE), "{}").statusCode());
        assertEquals(Seed.row(5), Seed.stored(5));
    }

    /** The audit trail in the application's own log: what the agent was not shown, by column, with no value. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void logFile_holdsTheAuditEventOfAMaskedRead() throws Exception {
        assertEquals(200, http.get("/api/customers/3", token(Persona.AGENT)).statusCode());

        List<ApplicationLog.AuditEvent> events = log.events().stream()
                .filter(event -> "agent-7".equals(event.get("sub")) && "mask".equals(event.get("outcome")))
                .toList();

        assertFalse(events.isEmpty(), "no audit event of the agent's masked read");
        ApplicationLog.AuditEvent event = events.get(events.size() - 1);
        assertTrue(event.has("fingerprint") && event.columns("masked").contains(Column.SSN)
                && event.columns("nulled").contains(Column.SALARY), event.line());
        assertFalse(event.line().contains(Seed.row(3).get(Column.SSN)), event.line());
    }

    /** Last: by now the log holds every request above; add the lines most likely to leak, then read it. */
    @Test
    @Order(Integer.MAX_VALUE)
    void logFile_holdsNoTokenEmailSsnOrCardNumber() throws Exception {
        Map<Column, String> first = Seed.row(1);
        // SQL whose bind values are an email, and a whole row of personal data.
        http.get("/api/customers/search?q=" + URLEncoder.encode(first.get(Column.EMAIL), StandardCharsets.UTF_8), token(Persona.COMPLIANCE));
        int id = 10;
        try {
            String row = http.get("/api/customers/" + id, token(Persona.COMPLIANCE)).body();
            assertEquals(200, http.putJson("/api/customers/" + id, token(Persona.COMPLIANCE), row).statusCode());
        } finally {
            Seed.restore(id);
        }

        String text = log.text();

        assertTrue(text.contains("p6spy") && text.contains("UPDATE customers SET"), "the SQL log is missing");
        assertTrue(text.contains("PUT /api/customers/" + id + " 200 compliance-1"), "the request log is missing");
        assertTrue(text.contains("[REDACTED:EMAIL]"), "nothing was redacted");
        log.assertHoldsNoPartOf(SENT_TOKENS);
        for (Map<Column, String> customer : Seed.rows().values()) {
            for (Column column : List.of(Column.EMAIL, Column.SSN, Column.CARD_NUMBER)) {
                assertFalse(text.contains(customer.get(column)), () -> "customer " + customer.get(Column.ID) + "'s "
                        + column.key + " reached the log");
            }
        }
        assertNotEquals(0, Seed.rows().size());
    }

    private static Map<Integer, Map<Column, String>> expectedRows(Persona persona, Map<Integer, Map<Column, String>> stored) {
        Map<Integer, Map<Column, String>> rows = new LinkedHashMap<>();
        stored.forEach((id, row) -> rows.put(id, Visibility.expectedRow(persona, row)));
        return rows;
    }

    /** The seeded customers whose name, email or city holds {@code part} (lower case), as the search promises. */
    private static Map<Integer, Map<Column, String>> seededMatching(String part) {
        Map<Integer, Map<Column, String>> matching = new LinkedHashMap<>();
        Seed.rows().forEach((id, row) -> {
            if (Stream.of(Column.NAME, Column.EMAIL, Column.CITY)
                    .anyMatch(column -> row.get(column) != null && row.get(column).toLowerCase(Locale.ROOT).contains(part))) {
                matching.put(id, row);
            }
        });
        assertFalse(matching.isEmpty());
        return matching;
    }
}
