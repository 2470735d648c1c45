package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample application behind ClaimGuard in a real Tomcat, driven over HTTP as each persona:
 * what each may see in pages and JSON, whole-row saves, refused tokens, concurrent load, and
 * finally the log files. One deployment per subclass; the tests run in order, and the rows the
 * saves change are tracked in {@link #stored}, the ground truth read from the seed script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SampleInTomcatTest {

    static final int LOAD_CLIENTS = 64;
    static final int LOAD_REQUESTS = 20_000;

    private final Http http = new Http();
    private final Map<String, Map<String, String>> stored = new LinkedHashMap<>();
    private SampleDeployment deployment;
    private SampleApp app;

    abstract SampleDeployment.Wiring wiring();

    /** The line the application logs at start about where its connections come from. */
    abstract String databaseLogLine();

    @BeforeAll
    void deploy() throws IOException {
        deployment = SampleDeployment.start(wiring(), getClass().getSimpleName());
        app = deployment.app(http);
        stored.putAll(deployment.seeded);
    }

    @AfterAll
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void eachPersonaGetsItsViewAsJson() {
        String someId = List.copyOf(stored.keySet()).get(stored.size() / 2);
        String city = stored.get(someId).get("city");
        for (Persona persona : Persona.values()) {
            String token = token(persona);
            assertEquals(Views.of(persona, stored), SampleApp.jsonRows(ok(app.get("/api/customers", token))), persona + " list");
            assertEquals(Views.one(persona, stored.get(someId)),
                    SampleApp.jsonRows(ok(app.get("/api/customers/" + someId, token))), persona + " customer " + someId);
            assertEquals(Views.of(persona, Views.searched(stored, city)),
                    SampleApp.jsonRows(ok(app.get("/api/customers/search?q=" + SampleApp.encode(city), token))), persona + " search " + city);
        }
    }

    @Test
    @Order(1)
    void eachPersonaGetsItsViewInThePages() {
        String someId = List.copyOf(stored.keySet()).get(1);
        String city = stored.get(someId).get("city");
        for (Persona persona : Persona.values()) {
            String token = token(persona);
            for (String path : List.of("/customers", "/")) {
                String list = ok(app.get(path, token));
                assertEquals(persona.subject, SampleApp.whoami(list), persona + " " + path);
                assertEquals(Views.of(persona, stored), SampleApp.htmlRows(list), persona + " " + path);
            }
            String detail = ok(app.get("/customers/" + someId, token));
            assertEquals(persona.subject, SampleApp.whoami(detail));
            assertEquals(Views.one(persona, stored.get(someId)), SampleApp.htmlRows(detail), persona + " customer " + someId);
            assertEquals(Views.of(persona, Views.searched(stored, city)),
                    SampleApp.htmlRows(ok(app.get("/customers/search?q=" + SampleApp.encode(city), token))), persona + " search " + city);
            assertEquals(persona.view(stored.get(someId)), editForm(someId, token),
                    persona + " edit form " + someId);
        }
    }

    @Test
    @Order(1)
    void searchingByAnEmailFindsItsRowForEveryoneButShowsItOnlyToWhoMaySeeIt() {
        Map<String, String> row = stored.values().stream().filter(r -> r.get("email") != null).findFirst().orElseThrow();
        for (Persona persona : Persona.values()) {
            Map<String, Map<String, String>> found = SampleApp.jsonRows(
                    ok(app.get("/api/customers/search?q=" + SampleApp.encode(row.get("email")), token(persona))));
            assertEquals(Views.of(persona, Views.searched(stored, row.get("email"))), found, persona.toString());
        }
    }

    @Test
    @Order(2)
    void agentSavingTheWholeFormKeepsTheValuesItWasNotShown() {
        String id = idAt(6);
        String token = token(Persona.AGENT);
        Map<String, String> form = editForm(id, token);
        assertEquals(Persona.AGENT.view(stored.get(id)), form, "the form holds what the agent may see, masks included");

        form.put("city", "Agentville");
        HttpResponse<String> saved = app.postForm("/customers/" + id, token, form);
        assertEquals(303, saved.statusCode(), saved::body);
        assertTrue(saved.headers().firstValue("Location").orElse("").endsWith(SampleDeployment.CONTEXT + "/customers/" + id));

        stored.get(id).put("city", "Agentville");
        assertStored(id);
        assertEquals(Views.one(Persona.AGENT, stored.get(id)), SampleApp.htmlRows(ok(app.get("/customers/" + id, token))));
    }

    @Test
    @Order(2)
    void agentSavingTheWholeJsonRowKeepsTheValuesItWasNotShown() {
        String id = idAt(7);
        String token = token(Persona.AGENT);
        Map<String, String> row = jsonRow(id, token);
        row.put("notes", "Called back about the invoice.");

        Map<String, Map<String, String>> answer = SampleApp.jsonRows(ok(app.putJson("/api/customers/" + id, token, row)));

        stored.get(id).put("notes", "Called back about the invoice.");
        assertEquals(Views.one(Persona.AGENT, stored.get(id)), answer);
        assertStored(id);
    }

    @Test
    @Order(2)
    void visitorSavingTheWholeFormKeepsEveryMaskedAndNullValue() {
        String id = idAt(8);
        String token = token(Persona.VISITOR);
        Map<String, String> form = editForm(id, token);
        form.put("city", "Visitorton");

        assertEquals(303, app.postForm("/customers/" + id, token, form).statusCode());

        stored.get(id).put("city", "Visitorton");
        assertStored(id);
    }

    @Test
    @Order(2)
    void agentWritingANewValueIntoAColumnItCannotSeeIsRefused() {
        String id = idAt(9);
        String token = token(Persona.AGENT);
        Map<String, String> row = jsonRow(id, token);
        row.put("ssn", "078-05-1120");
        HttpResponse<String> refused = app.putJson("/api/customers/" + id, token, row);
        assertEquals(403, refused.statusCode(), refused::body);
        assertFalse(refused.body().contains(stored.get(id).get("ssn")));

        Map<String, String> form = editForm(id, token);
        form.put("salary", "1.00");
        assertEquals(403, app.postForm("/customers/" + id, token, form).statusCode());
        assertStored(id);
    }

    @Test
    @Order(3)
    void requestsWithoutAValidTokenGet401AndNoData() {
        IdentityProvider idp = deployment.identityProvider;
        Map<String, String> refused = idp.refusedTokens();
        String someEmail = stored.values().iterator().next().get("email");
        refused.forEach((what, token) -> {
            for (String path : List.of("/customers", "/api/customers", "/api/customers/" + idAt(0), "/customers/" + idAt(0) + "/edit")) {
                HttpResponse<String> response = app.get(path, token);
                assertEquals(401, response.statusCode(), what + " " + path);
                assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what + " " + path);
                assertFalse(response.body().contains(someEmail), what + " " + path);
            }
        });
        HttpResponse<String> save = app.postForm("/customers/" + idAt(0), idp.forgedToken(Persona.COMPLIANCE), stored.get(idAt(0)));
        assertEquals(401, save.statusCode());
        assertStored(idAt(0));
    }

    @Test
    @Order(4)
    void underConcurrentLoadEveryAnswerShowsOnlyItsOwnPersonasView() throws InterruptedException, IOException {
        LoadRun.Result result = LoadRun.run(deployment, stored, LOAD_CLIENTS, LOAD_REQUESTS);
        String report = getClass().getSimpleName() + ", " + LOAD_CLIENTS + " clients: " + result;
        System.out.println(report);
        Files.writeString(Layout.run(getClass().getSimpleName()).resolve("load-test.txt"), report + "\n", StandardCharsets.UTF_8);

        assertTrue(result.requests() >= LOAD_REQUESTS, report);
        assertEquals(0, result.otherPersonasView(), report + " " + result.examples());
        assertEquals(0, result.serverErrors(), report + " " + result.examples());
        assertEquals(0, result.wrongView(), report + " " + result.examples());
        assertEquals(0, result.otherStatus(), report + " " + result.examples());
    }

    @Test
    @Order(5)
    void theLogsHoldNoTokenEmailSsnOrCardNumber() throws IOException {
        deployment.tomcat.stop(); // flushes the access log
        List<Path> files = deployment.logFiles();
        String applicationLog = Files.readString(deployment.applicationLogs.resolve("sample.log"), StandardCharsets.UTF_8);
        assertTrue(applicationLog.contains(databaseLogLine()), "the application did not log " + databaseLogLine());
        assertTrue(applicationLog.contains("GET " + SampleDeployment.CONTEXT + "/api/customers 200 compliance-1"),
                "the application's request lines are missing");
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().startsWith("access")), "no access log in " + files);

        List<String> found = new LogScan().tokens(deployment.identityProvider.issuedTokens()).personalData(stored).findIn(files);

        assertEquals(List.of(), found, "in " + files);
    }

    /**
     * Undeploying must let the application's class loader go: Tomcat names every thread it
     * started and every JDBC driver it left registered. The application's own drivers (H2,
     * p6spy) are its business; nothing of ClaimGuard's may be on the list.
     */
    @Test
    @Order(6)
    void stoppingLeavesNoThreadOrClaimGuardDriverBehind() throws IOException {
        deployment.tomcat.stop();
        List<String> leaks = new java.util.ArrayList<>();
        try (var files = Files.list(deployment.tomcat.logs())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("catalina")).toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains("appears to have started a thread")
                                || line.contains("registered the JDBC driver [io.claimguard"))
                        .forEach(leaks::add);
            }
        }
        assertEquals(List.of(), leaks);
    }

    private Map<String, String> editForm(String id, String token) {
        return SampleApp.formFields(ok(app.get("/customers/" + id + "/edit", token)));
    }

    private Map<String, String> jsonRow(String id, String token) {
        return SampleApp.jsonRows(ok(app.get("/api/customers/" + id, token))).get(id);
    }

    private String idAt(int index) {
        return List.copyOf(stored.keySet()).get(index);
    }

    private String token(Persona persona) {
        return deployment.identityProvider.token(persona);
    }

    /** Compliance, who may see everything, reads exactly what {@link #stored} says for the row. */
    private void assertStored(String id) {
        assertEquals(Views.one(Persona.COMPLIANCE, stored.get(id)),
                SampleApp.jsonRows(ok(app.get("/api/customers/" + id, token(Persona.COMPLIANCE)))), "stored row " + id);
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> response.request().uri() + ": " + SampleApp.abbreviate(response.body()));
        return response.body();
    }
}
