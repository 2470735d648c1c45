package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.e2e.Persona.Shown;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The clinic application ({@code e2e-apps/spring-jpa}: Spring's XML context, Spring MVC, JPA
 * through Hibernate, a tomcat-jdbc pool, H2, {@code jdbc:initialize-database}) behind ClaimGuard.
 * Its drop-in changes: the pool's driver class and URL in {@code db.properties}. The schema and
 * seed scripts run through the guarded pool at start; the edit form saves the whole entity back
 * (JPA merge of every field). The owners' email and phone are contact data, the card on file is
 * write-only for whoever may not read it; the vets' phone numbers are not protected.
 */
class SpringJpaAppTest extends LegacyAppInTomcatTest {

    static final String APP = "spring-jpa";
    static final Visibility OWNERS = new Visibility(
            List.of("id", "firstName", "lastName", "address", "city", "email", "phone", "cardNumber"),
            Map.of(Persona.AGENT, Map.of("cardNumber", Shown.LAST4),
                    Persona.VISITOR, Map.of("email", Shown.EMAIL, "phone", Shown.LAST4, "cardNumber", Shown.LAST4)));
    static final List<String> VET_COLUMNS = List.of("id", "firstName", "lastName", "phone");
    /** A card on file the agent types into the form (Luhn-valid, invented). */
    static final String TYPED_CARD = "5222439332836791";

    /** The owners as stored, kept up to date with every save the tests make. */
    private final Map<String, Map<String, String>> stored = new LinkedHashMap<>();
    private Map<String, Map<String, String>> vets;

    @Override
    AppDeployment deploy() throws IOException {
        Path war = Layout.appWar(APP);
        SeedData.Database seed = SeedData.h2(War.read(war, "/WEB-INF/classes/db/schema.sql") + "\n"
                + War.read(war, "/WEB-INF/classes/db/data.sql"), Layout.run(getClass().getSimpleName()).resolve("seed.sql"));
        stored.putAll(seed.query("SELECT id, first_name AS \"firstName\", last_name AS \"lastName\", address, city, email, phone,"
                + " card_number AS \"cardNumber\" FROM owners ORDER BY id", OWNERS.columns()));
        vets = seed.query("SELECT id, first_name AS \"firstName\", last_name AS \"lastName\", phone FROM vets ORDER BY id", VET_COLUMNS);
        return AppDeployment.start(APP, "/clinic", getClass().getSimpleName(), copy -> copy
                .replaceOnce("/WEB-INF/classes/db.properties", "jdbc.driverClassName=org.h2.Driver",
                        "jdbc.driverClassName=io.claimguard.jdbc.ClaimGuardDriver")
                .replaceOnce("/WEB-INF/classes/db.properties", "jdbc.url=jdbc:h2:", "jdbc.url=jdbc:claimguard:h2:"));
    }

    @Test
    @Order(1)
    void startedWithTheSchemaAndSeedScriptsRunThroughTheGuardedPool() throws IOException {
        String log = deployment.applicationLog(applicationLogFile());
        assertTrue(log.contains("Executed SQL script from class path resource [db/schema.sql]"), "schema.sql did not run");
        assertTrue(log.contains("Executed SQL script from class path resource [db/data.sql]"), "data.sql did not run");
        assertTrue(log.lines().anyMatch(line -> line.contains("[main] claimguard.audit - ClaimGuard JDBC allow")
                        && line.contains("sub=\"outside-requests\"")),
                "the scripts did not run through ClaimGuard as the default subject for work outside requests");
        assertEquals(stored, SampleApp.jsonRows(ok(app.get("/api/owners", token(Persona.COMPLIANCE))), OWNERS.columns()),
                "the seed rows, read by who may see everything");
    }

    @Test
    @Order(1)
    void eachPersonaGetsItsViewAsJsonAndInThePages() {
        String id = "3";
        for (Persona persona : Persona.values()) {
            String token = token(persona);
            assertEquals(OWNERS.of(persona, stored), SampleApp.jsonRows(ok(app.get("/api/owners", token)), OWNERS.columns()),
                    persona + " JSON");
            assertEquals(Map.of(id, OWNERS.view(persona, stored.get(id))),
                    SampleApp.jsonRows(ok(app.get("/api/owners/" + id, token)), OWNERS.columns()), persona + " JSON owner " + id);
            String list = ok(app.get("/owners", token));
            assertEquals(persona.subject, SampleApp.whoami(list));
            assertEquals(OWNERS.of(persona, stored), SampleApp.htmlRows(list), persona + " page");
            assertEquals(Map.of(id, OWNERS.view(persona, stored.get(id))), SampleApp.htmlRows(ok(app.get("/owners/" + id, token))),
                    persona + " page of owner " + id);
            assertEquals(OWNERS.form(persona, stored.get(id)), editForm(id, token), persona + " edit form of owner " + id);
        }
    }

    @Test
    @Order(1)
    void aColumnNamedLikeAProtectedOneInAnotherTableIsShownToEveryone() {
        for (Persona persona : Persona.values()) {
            assertEquals(vets, SampleApp.jsonRows(ok(app.get("/api/vets", token(persona))), VET_COLUMNS), persona.toString());
        }
    }

    @Test
    @Order(2)
    void agentSavingTheWholeFormKeepsTheCardItWasNotShown() {
        saveTheWholeForm(Persona.AGENT, "2", null, Map.of("city", "Fitchburg"));
        assertEquals(OWNERS.form(Persona.AGENT, stored.get("2")), editForm("2", token(Persona.AGENT)));
    }

    @Test
    @Order(2)
    void visitorSavingTheWholeFormKeepsEveryValueItWasShownMasked() {
        saveTheWholeForm(Persona.VISITOR, "4", OWNERS.form(Persona.VISITOR, stored.get("4")), Map.of("address", "60 Maple Court"));
    }

    @Test
    @Order(2)
    void agentTypingACardOnFileStoresItThoughItMayNotReadIt() {
        String id = "7";
        String token = token(Persona.AGENT);
        Map<String, String> form = editForm(id, token);
        assertEquals(null, form.get("cardNumber"), "owner 7 has no card on file");
        form.put("cardNumber", TYPED_CARD);

        assertRedirected(app.postForm("/owners/" + id, token, form), "/owners/" + id);

        stored.get(id).put("cardNumber", TYPED_CARD);
        assertStored(id);
        assertEquals(OWNERS.form(Persona.AGENT, stored.get(id)), editForm(id, token), "the agent sees the card it typed masked");
    }

    @Override
    List<String> pages() {
        return List.of("/owners", "/owners/1", "/owners/1/edit", "/api/owners", "/api/owners/1", "/api/vets");
    }

    @Override
    Map.Entry<String, Map<String, String>> aSave() {
        Map<String, String> form = OWNERS.form(Persona.COMPLIANCE, stored.get("1"));
        form.put("city", "Nowhere");
        return Map.entry("/owners/1", form);
    }

    @Override
    String applicationLogFile() {
        return "clinic.log";
    }

    @Override
    LogScan protectedValues(LogScan scan) {
        return scan.values(stored, "owner", "email", "phone", "cardNumber");
    }

    @Override
    String everythingStored() {
        return ok(app.get("/api/owners", token(Persona.COMPLIANCE)));
    }

    @Override
    String recordPath(String id) {
        return "/owners/" + id;
    }

    @Override
    Map<String, Map<String, String>> stored() {
        return stored;
    }

    /** Compliance, who may see everything, reads exactly what {@link #stored} says for the owner. */
    @Override
    void assertStored(String id) {
        assertEquals(Map.of(id, stored.get(id)),
                SampleApp.jsonRows(ok(app.get("/api/owners/" + id, token(Persona.COMPLIANCE))), OWNERS.columns()), "stored owner " + id);
    }
}
