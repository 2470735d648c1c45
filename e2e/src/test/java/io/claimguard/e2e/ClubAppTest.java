package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.e2e.Persona.Shown;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The club application ({@code e2e-apps/javax-servlets}: javax.servlet, {@code web.xml} 2.5, plain
 * servlets, plain JDBC, H2 seeded by a listener, an HTTP session) behind ClaimGuard. Subclasses say
 * where it runs and how ClaimGuard is put in; the drop-in change common to all is in the
 * {@code web.xml} settings the club uses unless the container offers {@code java:comp/env/jdbc/club}:
 * the DriverManager URL prefixed and, since the club loads the driver class it names before it
 * connects (as pools that instantiate it do), that class set to ClaimGuard's.
 * The members' email and phone are contact data, the IBAN financial (kept when others save the
 * form), the notes staff only.
 */
abstract class ClubAppTest extends LegacyAppInTomcatTest {

    static final String APP = "javax-servlets";
    static final String CONTEXT = "/club";
    static final Visibility MEMBERS = new Visibility(List.of("id", "name", "email", "phone", "city", "iban", "notes"),
            Map.of(Persona.AGENT, Map.of("iban", Shown.LAST4),
                    Persona.VISITOR, Map.of("email", Shown.EMAIL, "phone", Shown.LAST4, "iban", Shown.LAST4, "notes", Shown.NULL)));
    /** An IBAN the agent types over the one it was shown masked (mod-97 valid, invented). */
    static final String TYPED_IBAN = "DE83555979711471049746";

    /** The members as stored, kept up to date with every save the tests make. */
    final Map<String, Map<String, String>> stored = new LinkedHashMap<>();

    /** Where the club runs and how ClaimGuard is put in. */
    abstract AppDeployment.Setup setup();

    /** The application's change beyond the URL (the filter declared in web.xml); none by default. */
    void change(War war) throws IOException {
    }

    /** The line the club logs at start about where its connections come from. */
    abstract String databaseLogLine();

    /**
     * Whether the driver's audit events reach the club's log: not from Tomcat's lib, where its SLF4J
     * has no provider unless the container adds one.
     */
    boolean driverLogsToTheApplication() {
        return true;
    }

    @Override
    AppDeployment deploy() throws IOException {
        stored.putAll(seed(getClass().getSimpleName()));
        return deploy(getClass().getSimpleName(), setup(), this::change);
    }

    /** The members the club's own scripts store, read without ClaimGuard. */
    static Map<String, Map<String, String>> seed(String run) throws IOException {
        Path war = Layout.appWar(APP);
        return SeedData.h2(War.read(war, "/WEB-INF/classes/db/schema.sql") + "\n" + War.read(war, "/WEB-INF/classes/db/data.sql"),
                Layout.run(run).resolve("seed.sql")).query("SELECT * FROM members ORDER BY id", MEMBERS.columns());
    }

    /**
     * The club at {@value #CONTEXT} as {@code setup} says, its DriverManager URL prefixed and its
     * driver class ClaimGuard's, then {@code change}.
     */
    static AppDeployment deploy(String run, AppDeployment.Setup setup, AppDeployment.DropIn change) throws IOException {
        return AppDeployment.start(APP, CONTEXT, run, setup, war -> {
            prefixUrl(war);
            war.replaceOnce("/WEB-INF/web.xml", "<param-value>org.h2.Driver</param-value>",
                    "<param-value>io.claimguard.jdbc.ClaimGuardDriver</param-value>");
            change.change(war);
        });
    }

    /** The club's DriverManager URL prefixed with {@code claimguard:}. */
    static void prefixUrl(War war) throws IOException {
        war.replaceOnce("/WEB-INF/web.xml", "<param-value>jdbc:h2:", "<param-value>jdbc:claimguard:h2:");
    }

    @Test
    @Order(1)
    void startedWithTheSeedWrittenThroughClaimGuard() throws IOException {
        String log = deployment.applicationLog(applicationLogFile());
        assertTrue(log.contains(databaseLogLine()), "not the expected connections: " + databaseLogLine());
        assertTrue(log.contains("schema and seed data: 8 statements"), "the seed did not run");
        if (driverLogsToTheApplication()) {
            assertTrue(log.lines().anyMatch(line -> line.contains("claimguard.audit - ClaimGuard JDBC allow")
                            && line.contains("sub=\"outside-requests\"")),
                    "the seed did not run through ClaimGuard as the default subject for work outside requests");
        }
        assertEquals(stored, SampleApp.htmlRows(ok(app.get("/members", token(Persona.COMPLIANCE)))),
                "the seed rows, read by who may see everything");
    }

    @Test
    @Order(1)
    void eachPersonaGetsItsView() {
        String id = "3";
        for (Persona persona : Persona.values()) {
            String token = token(persona);
            String list = ok(app.get("/members", token));
            assertEquals(persona.subject, SampleApp.whoami(list), persona + " principal");
            assertEquals(MEMBERS.of(persona, stored), SampleApp.htmlRows(list), persona + " members");
            assertEquals(Map.of(id, MEMBERS.view(persona, stored.get(id))), SampleApp.htmlRows(ok(app.get("/members/" + id, token))),
                    persona + " member " + id);
            assertEquals(MEMBERS.form(persona, stored.get(id)), editForm(id, token), persona + " form of member " + id);
        }
    }

    @Test
    @Order(1)
    void theSessionRemembersTheLastMemberViewed() {
        String token = token(Persona.AGENT);
        HttpResponse<String> viewed = app.get("/members/5", token);
        ok(viewed);
        String cookie = viewed.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no session cookie"));
        String session = cookie.substring(0, cookie.indexOf(';'));
        String list = ok(app.get("/members", token, session));
        assertTrue(list.contains("<a id=\"lastViewed\" href=\"" + CONTEXT + "/members/5\">5</a>"), SampleApp.abbreviate(list));
    }

    @Test
    @Order(2)
    void agentSavingTheWholeFormKeepsTheIbanItWasShownMasked() {
        saveTheWholeForm(Persona.AGENT, "2", MEMBERS.form(Persona.AGENT, stored.get("2")), Map.of("city", "Tigard"));
    }

    @Test
    @Order(2)
    void visitorSavingTheWholeFormKeepsEveryValueItWasShownMaskedOrNotAtAll() {
        saveTheWholeForm(Persona.VISITOR, "1", MEMBERS.form(Persona.VISITOR, stored.get("1")),
                Map.of("name", "Ingrid Halvorsen-Berg"));
    }

    @Test
    @Order(2)
    void agentTypingAnotherIbanOverTheMaskIsRefused() {
        String id = "4";
        String token = token(Persona.AGENT);
        Map<String, String> form = editForm(id, token);
        form.put("iban", TYPED_IBAN);

        HttpResponse<String> refused = app.postForm("/members/" + id, token, form);

        assertEquals(403, refused.statusCode(), "a changed IBAN from who may not read it");
        assertStored(id);
    }

    @Override
    List<String> pages() {
        return List.of("/members", "/members/1", "/members/1/edit");
    }

    @Override
    Map.Entry<String, Map<String, String>> aSave() {
        Map<String, String> form = MEMBERS.form(Persona.COMPLIANCE, stored.get("6"));
        form.put("city", "Nowhere");
        return Map.entry("/members/6", form);
    }

    @Override
    String applicationLogFile() {
        return "club.log";
    }

    @Override
    LogScan protectedValues(LogScan scan) {
        return scan.values(stored, "member", "email", "phone", "iban", "notes").value(TYPED_IBAN, "the IBAN the agent typed");
    }

    @Override
    String everythingStored() {
        return ok(app.get("/members", token(Persona.COMPLIANCE)));
    }

    @Override
    String recordPath(String id) {
        return "/members/" + id;
    }

    @Override
    Map<String, Map<String, String>> stored() {
        return stored;
    }

    /** Compliance, who may see everything, reads exactly what {@link #stored} says for the member. */
    @Override
    void assertStored(String id) {
        assertEquals(Map.of(id, stored.get(id)), SampleApp.htmlRows(ok(app.get("/members/" + id, token(Persona.COMPLIANCE)))),
                "stored member " + id);
    }
}
