package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work outside requests through the driver, on H2: the start-up of an application (marked as a
 * servlet container initializer marks it) and jobs marked in code act as the configured identity
 * of such work, which stores the seed values it supplies, reads as its claims allow, and is never
 * what a request, a thread a request started, or a task a request submitted acts as.
 */
class OutsideRequestsTest {
    private static final String H2_URL = "jdbc:h2:mem:outside_requests;DB_CLOSE_DELAY=-1";
    private static final String COLUMNS = """
              columns:
                - column: or_people.phone
                  allow: ["role:hr", "role:migrations"]
                  mask: last4
                - column: or_people.ssn
                  allow: ["role:hr"]
                  mask: last4
                  writes: deny
            """;
    private static final String SEED = "INSERT INTO or_people (id, name, phone) VALUES (2, 'Bo Ray', '608-555-1023')";
    private static final String PHONE = "555-0100-7788";
    private static final Subject CLERK = Subject.fromClaims(Map.of("sub", "clerk-1", "roles", List.of("clerk")));

    @TempDir
    static Path configDir;
    /** The drop-in configuration: nothing said about work outside requests. */
    private static DataSource dropIn;
    /** The same columns, with work outside requests named and given the migrations role. */
    private static DataSource named;
    /** A pool thread started before any request, as an application's executor is. */
    private static ExecutorService pool;

    @BeforeAll
    static void configure() throws Exception {
        dropIn = guarded("drop-in.yaml", "jdbc:\n" + COLUMNS);
        named = guarded("named.yaml", "jdbc:\n  on_no_subject: deny\n  outside_requests:\n    claims: {sub: nightly-import,"
                + " roles: [migrations]}\n" + COLUMNS);
        pool = Executors.newSingleThreadExecutor();
        pool.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static DataSource guarded(String name, String yaml) throws Exception {
        Path file = configDir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        return new ClaimGuardDataSource(h2, file.toString());
    }

    @BeforeEach
    void resetTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS or_people");
            s.execute("DROP TABLE IF EXISTS or_archive");
            s.execute("CREATE TABLE or_people (id INT PRIMARY KEY, name VARCHAR(50), phone VARCHAR(20), ssn VARCHAR(11))");
            s.execute("INSERT INTO or_people VALUES (1, 'Ann Lee', '" + PHONE + "', '123-45-6789')");
        }
    }

    private static void run(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String phoneOf(DataSource source, int id) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT phone FROM or_people WHERE id = " + id)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static int rows(int id) throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM or_people WHERE id = " + id)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static void assertRefused(DataSource source, String sql, String expected) {
        SQLException refused = assertThrows(SQLException.class, () -> run(source, sql), sql);
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains("608-555"), "never the value: " + refused.getMessage());
    }

    // ---- what work outside requests may do

    @Test
    void startUp_storesTheSeedValuesItSupplies_butReadsThemMasked() throws SQLException {
        try (GuardContext.StartUp ignored = GuardContext.beginStartUp()) {
            run(dropIn, "DROP TABLE or_archive IF EXISTS");
            run(dropIn, "CREATE TABLE or_archive (id INT, phone VARCHAR(20))");
            run(dropIn, SEED);
            assertEquals("*********7788", phoneOf(dropIn, 1), "no roles: it sees what a caller without any sees");
            assertRefused(dropIn, "INSERT INTO or_people (id, phone) VALUES (3, '*********7788')", "shaped like its mask");
            assertRefused(dropIn, "UPDATE or_people SET ssn = '000-00-0000' WHERE id = 1", "writes: deny");
        }
        assertEquals(1, rows(2));
    }

    @Test
    void aJobMarkedInCode_actsOutsideRequests_asConfigured() throws SQLException {
        try (GuardContext.Scope job = GuardContext.openOutsideRequests()) {
            run(named, SEED);
            assertEquals(PHONE, phoneOf(named, 1), "the configured identity has the migrations role");
            run(named, "ALTER TABLE or_people ALTER COLUMN phone RENAME TO phone_number");
        }
        assertEquals(1, rows(2));
    }

    @Test
    void ddlThatMovesProtectedData_needsAnIdentityThatMaySeeIt() throws SQLException {
        try (GuardContext.Scope job = GuardContext.openOutsideRequests()) {
            assertRefused(dropIn, "ALTER TABLE or_people ALTER COLUMN phone RENAME TO phone_number", "or_people.phone");
            assertRefused(dropIn, "CREATE TABLE or_copy AS SELECT phone FROM or_people", "or_people.phone");
        }
    }

    /** on_no_subject: deny refuses statements without a subject; work outside requests has one of its own. */
    @Test
    void workOutsideRequests_isNotWorkWithoutASubject() throws SQLException {
        assertRefused(named, "SELECT phone FROM or_people", "no subject");
        try (GuardContext.StartUp ignored = GuardContext.beginStartUp()) {
            assertEquals(PHONE, phoneOf(named, 1));
        }
    }

    @Test
    void auditEvents_nameTheIdentity_andTheFirstConnectionSaysHowSuchWorkIsTreated() throws Exception {
        try (AuditLog audit = new AuditLog()) {
            guarded("announced.yaml", "jdbc:\n" + COLUMNS).getConnection().close();
            List<JsonNode> events = audit.takeConfig();
            assertEquals(1, events.size(), events.toString());
            String message = events.get(0).get("message").asText();
            assertEquals("INFO", events.get(0).get("level").asText());
            assertTrue(message.contains("work outside requests") && message.contains("as subject outside-requests with roles []")
                    && message.contains("GuardContext.openOutsideRequests()"), message);
            try (GuardContext.Scope job = GuardContext.openOutsideRequests(); Connection c = dropIn.getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name, phone FROM or_people /* audited once */")) {
                assertTrue(rs.next());
            }
            assertEquals("outside-requests", audit.one().get("sub").asText());
        }
    }

    // ---- what never acts outside requests

    @Test
    void aRequestWithoutASubject_isNotWorkOutsideRequests() {
        try (GuardContext.StartUp ignored = GuardContext.beginStartUp();
             GuardContext.Scope request = GuardContext.openRequest(null)) {
            assertRefused(dropIn, SEED, "may only be left empty in new rows");
            assertThrows(IllegalStateException.class, GuardContext::openOutsideRequests);
        }
    }

    @Test
    void noMark_meansNoSubject() {
        assertRefused(dropIn, SEED, "may only be left empty in new rows");
    }

    @Test
    void aThreadStartedInARequest_neverActsOutsideRequests() throws Exception {
        CompletableFuture<Throwable> seeded = new CompletableFuture<>();
        CompletableFuture<Throwable> opened = new CompletableFuture<>();
        try (GuardContext.Scope request = GuardContext.openRequest(CLERK)) {
            Thread started = new Thread(() -> {
                seeded.complete(assertThrows(SQLException.class, () -> run(dropIn, SEED)));
                opened.complete(assertThrows(IllegalStateException.class, GuardContext::openOutsideRequests));
            });
            started.start();
            started.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertTrue(seeded.get(10, TimeUnit.SECONDS).getMessage().contains("may only be left empty"));
        assertTrue(opened.get(10, TimeUnit.SECONDS).getMessage().contains("openOutsideRequests"));
        assertEquals(0, rows(2));
    }

    @Test
    void aTaskARequestSubmits_neverActsOutsideRequests() throws Exception {
        try (GuardContext.StartUp startingUp = GuardContext.beginStartUp();
             GuardContext.Scope request = GuardContext.openRequest(null)) {
            Throwable plain = pool.submit(() -> assertThrows(SQLException.class, () -> run(dropIn, SEED)))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(plain.getMessage().contains("may only be left empty"), plain.getMessage());
            Throwable wrapped = pool.submit(GuardContext.wrap(() -> assertThrows(IllegalStateException.class,
                    GuardContext::openOutsideRequests))).get(10, TimeUnit.SECONDS);
            assertInstanceOf(IllegalStateException.class, wrapped, "a wrapped task carries the request");
        }
        assertEquals(0, rows(2));
    }

    @Test
    void theStartUpMark_staysOnItsThread_andEndsWhenClosed() throws Exception {
        try (GuardContext.StartUp startingUp = GuardContext.beginStartUp()) {
            Throwable elsewhere = pool.submit(() -> assertThrows(SQLException.class, () -> run(dropIn, SEED)))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(elsewhere.getMessage().contains("may only be left empty"));
            run(dropIn, SEED);
            assertEquals(1, rows(2));
        }
        assertRefused(dropIn, SEED.replace("(2,", "(3,"), "may only be left empty in new rows");
    }

    @Test
    void aBadOutsideRequestsSection_failsTheFirstConnection_namingTheKey() throws Exception {
        assertFirstConnectionFails("bad-key.yaml", "jdbc:\n  outside_requests:\n    subject: batch\n" + COLUMNS,
                "jdbc.outside_requests has an unknown key 'subject' (known: claims)");
        assertFirstConnectionFails("bad-claims.yaml", "jdbc:\n  outside_requests:\n    claims: batch\n" + COLUMNS,
                "jdbc.outside_requests.claims must be a mapping");
        assertFirstConnectionFails("bad-sub.yaml", "jdbc:\n  outside_requests:\n    claims: {sub: ''}\n" + COLUMNS,
                "jdbc.outside_requests.claims.sub must be a non-blank string");
        assertFirstConnectionFails("bad-writes.yaml", "jdbc:\n" + COLUMNS.replace("deny", "writeonly"),
                "writes must be one of [preserve, write_only, deny, allow], not 'writeonly'");
    }

    private static void assertFirstConnectionFails(String name, String yaml, String expected) throws Exception {
        Path file = configDir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        SQLException failed = assertThrows(SQLException.class,
                () -> ConfigProperty.connect("jdbc:claimguard:h2:mem:outside_requests", file.toString()).close());
        assertTrue(failed.getMessage().contains(expected), failed.getMessage());
    }
}
