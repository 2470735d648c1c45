package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.e2e.Persona.Shown;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The shop application ({@code e2e-apps/flyway-mybatis}: servlets in {@code web.xml}, Flyway
 * migrations run by a listener at start, MyBatis XML mappers, a DBCP2 pool, HSQLDB) behind
 * ClaimGuard. Its drop-in changes: the pool's driver class and URL in {@code db.properties}. The
 * migrations create the tables, seed protected data and alter a table through the guarded pool;
 * the profile form saves every field it showed; a customer types a card number at checkout that
 * they may store but never read back.
 */
class FlywayMyBatisAppTest extends LegacyAppInTomcatTest {

    static final String APP = "flyway-mybatis";
    static final Visibility CUSTOMERS = new Visibility(List.of("id", "name", "email", "phone", "city", "loyalty_tier"),
            Map.of(Persona.VISITOR, Map.of("email", Shown.EMAIL, "phone", Shown.LAST4)));
    static final Visibility ORDERS = new Visibility(List.of("id", "item", "quantity", "card_number"),
            Map.of(Persona.AGENT, Map.of("card_number", Shown.LAST4), Persona.VISITOR, Map.of("card_number", Shown.LAST4)));
    /** The card a customer types at checkout (Luhn-valid, invented). */
    static final String TYPED_CARD = "4430955972979261";

    /** The customers as stored, kept up to date with every save the tests make. */
    private final Map<String, Map<String, String>> customers = new LinkedHashMap<>();
    /** Every order as stored, with its customer_id. */
    private final Map<String, Map<String, String>> orders = new LinkedHashMap<>();

    @Override
    AppDeployment deploy() throws IOException {
        Path war = Layout.appWar(APP);
        List<String> migrations = new ArrayList<>();
        for (String name : War.list(war, "/WEB-INF/classes/db/migration")) {
            migrations.add(War.read(war, "/WEB-INF/classes/db/migration/" + name));
        }
        SeedData.Database seed = SeedData.hsqldb(migrations);
        customers.putAll(seed.query("SELECT * FROM customers ORDER BY id", CUSTOMERS.columns()));
        orders.putAll(seed.query("SELECT * FROM orders ORDER BY id", List.of("id", "item", "quantity", "card_number", "customer_id")));
        return AppDeployment.start(APP, "/shop", getClass().getSimpleName(), copy -> copy
                .replaceOnce("/WEB-INF/classes/db.properties", "db.driverClassName=org.hsqldb.jdbc.JDBCDriver",
                        "db.driverClassName=io.claimguard.jdbc.ClaimGuardDriver")
                .replaceOnce("/WEB-INF/classes/db.properties", "db.url=jdbc:hsqldb:", "db.url=jdbc:claimguard:hsqldb:"));
    }

    @Test
    @Order(1)
    void startedWithEveryMigrationRunThroughTheGuardedPool() throws IOException {
        String log = deployment.applicationLog(applicationLogFile());
        assertTrue(log.contains("database: jdbc:claimguard:hsqldb:mem:shop through io.claimguard.jdbc.ClaimGuardDriver"),
                "not the guarded pool");
        assertTrue(log.contains("schema at version 4 after 4 migrations"), "the migrations did not all run");
        assertTrue(log.lines().anyMatch(line -> line.contains("[main] claimguard.audit - ClaimGuard JDBC allow")
                        && line.contains("sub=\"migrations\"")),
                "the migrations did not run through ClaimGuard as the policy's subject for work outside requests");
        assertEquals(customers, SampleApp.htmlRows(ok(app.get("/customers", token(Persona.COMPLIANCE)))),
                "the seeded customers, with the column the last migration added, read by who may see everything");
        for (String customer : List.of("1", "3", "4")) {
            assertEquals(ordersOf(customer),
                    SampleApp.htmlRows(ok(app.get("/customers/" + customer + "/orders", token(Persona.COMPLIANCE)))),
                    "the seeded orders of customer " + customer);
        }
    }

    @Test
    @Order(1)
    void eachPersonaGetsItsView() {
        String id = "3";
        for (Persona persona : Persona.values()) {
            String token = token(persona);
            String list = ok(app.get("/customers", token));
            assertEquals(persona.subject, SampleApp.whoami(list));
            assertEquals(CUSTOMERS.of(persona, customers), SampleApp.htmlRows(list), persona + " customers");
            assertEquals(Map.of(id, CUSTOMERS.view(persona, customers.get(id))), SampleApp.htmlRows(ok(app.get("/customers/" + id, token))),
                    persona + " customer " + id);
            assertEquals(CUSTOMERS.form(persona, customers.get(id)), editForm(id, token), persona + " profile form " + id);
            assertEquals(ORDERS.of(persona, ordersOf(id)), SampleApp.htmlRows(ok(app.get("/customers/" + id + "/orders", token))),
                    persona + " orders of customer " + id);
        }
    }

    @Test
    @Order(2)
    void aCustomerPlacingAnOrderStoresTheCardTheyTypedThoughTheyMayNotReadIt() {
        String customer = "2";
        String token = token(Persona.VISITOR);
        Map<String, String> checkout = SampleApp.formFields(ok(app.get("/customers/" + customer + "/orders", token)));
        assertEquals(List.of("item", "quantity", "card_number"), List.copyOf(checkout.keySet()));
        checkout.put("item", "Garden hose");
        checkout.put("quantity", "2");
        checkout.put("card_number", TYPED_CARD);

        assertRedirected(app.postForm("/customers/" + customer + "/orders", token, checkout), "/customers/" + customer + "/orders");

        Map<String, Map<String, String>> placed =
                SampleApp.htmlRows(ok(app.get("/customers/" + customer + "/orders", token(Persona.COMPLIANCE))));
        assertEquals(1, placed.size(), placed::toString);
        Map<String, String> order = placed.values().iterator().next();
        assertEquals(Map.of("id", order.get("id"), "item", "Garden hose", "quantity", "2", "card_number", TYPED_CARD), order);
        order.put("customer_id", customer);
        orders.put(order.get("id"), order);
        assertEquals(ORDERS.of(Persona.VISITOR, ordersOf(customer)),
                SampleApp.htmlRows(ok(app.get("/customers/" + customer + "/orders", token))), "the customer sees the card masked");
    }

    @Test
    @Order(2)
    void aCardShapedLikeTheMaskIsNotStored() {
        String customer = "5";
        String token = token(Persona.VISITOR);
        Map<String, String> checkout = SampleApp.formFields(ok(app.get("/customers/" + customer + "/orders", token)));
        checkout.put("item", "Umbrella");
        checkout.put("card_number", Persona.mask(Shown.LAST4, orders.get("1").get("card_number")));

        HttpResponse<String> refused = app.postForm("/customers/" + customer + "/orders", token, checkout);

        assertNotEquals(303, refused.statusCode(), "a masked card number was accepted as an order's card");
        assertEquals(Map.of(), SampleApp.htmlRows(ok(app.get("/customers/" + customer + "/orders", token(Persona.COMPLIANCE)))));
    }

    @Test
    @Order(2)
    void visitorSavingTheProfileItWasShownKeepsTheMaskedValues() {
        saveTheWholeForm(Persona.VISITOR, "4", CUSTOMERS.form(Persona.VISITOR, customers.get("4")), Map.of("city", "Forest Grove"));
    }

    @Test
    @Order(2)
    void agentSavingTheProfileStoresWhatItChanged() {
        saveTheWholeForm(Persona.AGENT, "1", null, Map.of("loyalty_tier", "platinum", "phone", "+15035550199"));
    }

    @Override
    List<String> pages() {
        return List.of("/customers", "/customers/1", "/customers/1/edit", "/customers/1/orders");
    }

    @Override
    Map.Entry<String, Map<String, String>> aSave() {
        return Map.entry("/customers/3/orders", Map.of("item", "Compass", "quantity", "1", "card_number", TYPED_CARD));
    }

    @Override
    String applicationLogFile() {
        return "shop.log";
    }

    @Override
    LogScan protectedValues(LogScan scan) {
        return scan.values(customers, "customer", "email", "phone").values(orders, "order", "card_number")
                .value(TYPED_CARD, "the card typed at checkout");
    }

    @Override
    String everythingStored() {
        StringBuilder all = new StringBuilder(ok(app.get("/customers", token(Persona.COMPLIANCE))));
        for (String customer : customers.keySet()) {
            all.append(ok(app.get("/customers/" + customer + "/orders", token(Persona.COMPLIANCE))));
        }
        return all.toString();
    }

    /** The stored orders of {@code customer}, as its orders page lists them. */
    private Map<String, Map<String, String>> ordersOf(String customer) {
        Map<String, Map<String, String>> of = new LinkedHashMap<>();
        orders.forEach((id, order) -> {
            if (order.get("customer_id").equals(customer)) {
                Map<String, String> row = new LinkedHashMap<>(order);
                row.remove("customer_id");
                of.put(id, row);
            }
        });
        return of;
    }

    @Override
    String recordPath(String id) {
        return "/customers/" + id;
    }

    @Override
    Map<String, Map<String, String>> stored() {
        return customers;
    }

    /** Compliance, who may see everything, reads exactly what {@link #customers} says for the customer. */
    @Override
    void assertStored(String id) {
        assertEquals(Map.of(id, customers.get(id)), SampleApp.htmlRows(ok(app.get("/customers/" + id, token(Persona.COMPLIANCE)))),
                "stored customer " + id);
    }
}
