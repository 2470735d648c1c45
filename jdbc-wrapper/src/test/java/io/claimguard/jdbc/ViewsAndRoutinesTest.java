package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Views and routines read from each database's catalog when the first connection opens: a view
 * column that hands a protected value through is masked with that column's mask, one computed
 * from it reads NULL, views over views and views calling routines follow, a user-defined
 * function that reads a protected column derives from it wherever it is called, and a call of a
 * known routine touches only what it reads. A view created through the driver is read at once.
 * The policy ({@code views-routines.yaml}) lists only the table's columns.
 *
 * <p>The objects are created on a raw connection before any ClaimGuard connection to the
 * database, under names of their own ({@code vr_}), and dropped afterwards.
 */
class ViewsAndRoutinesTest {
    private static final String POLICY = "classpath:views-routines.yaml";
    private static final String SSN = "123-45-6789";
    private static final String EMAIL = "jane.doe@example.com";
    private static final String MASKED_SSN = "*******6789";
    private static final String MASKED_EMAIL = "j***@***.com";
    /** What a text computed from columns none of whose masks is NULL reads as (the default mask). */
    private static final String COMPUTED = "XXXX";
    /** May see the SSN, not the e-mail address. */
    private static final Subject COMPLIANCE = Subject.fromClaims(Map.of("sub", "compliance-2", "roles", List.of("compliance")));
    private static final Map<TestDatabase, Boolean> CREATED = new ConcurrentHashMap<>();
    private static String previousConfig;

    @TempDir
    static Path configDir;

    /** The routines H2 runs: Java, reading through the connection H2 passes them. */
    public static final class Routines {
        private Routines() {
        }

        public static String lookupSsn(Connection connection, int id) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("SELECT ssn FROM vr_customers WHERE id = ?")) {
                s.setInt(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        public static int twice(int value) {
            return 2 * value;
        }
    }

    private static final List<String> TABLES = List.of(
            "CREATE TABLE vr_customers (id INT PRIMARY KEY, name VARCHAR(100), ssn VARCHAR(11), email VARCHAR(100))",
            "INSERT INTO vr_customers VALUES (1, 'Jane Doe', '" + SSN + "', '" + EMAIL + "')",
            "CREATE TABLE vr_orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(12,2))",
            "INSERT INTO vr_orders VALUES (10, 1, 19.99)");
    private static final List<String> VIEWS = List.of(
            "CREATE VIEW vr_plain AS SELECT id, name, ssn FROM vr_customers",
            "CREATE VIEW vr_expr AS SELECT id, UPPER(ssn) AS ssn_upper, CONCAT(name, email) AS contact FROM vr_customers",
            "CREATE VIEW vr_nested AS SELECT p.id, p.ssn AS tax_id, e.ssn_upper FROM vr_plain p JOIN vr_expr e ON e.id = p.id",
            "CREATE VIEW vr_clear AS SELECT c.id, c.name, o.total FROM vr_customers c JOIN vr_orders o ON o.customer_id = c.id",
            "CREATE VIEW vr_via_function AS SELECT id, vr_lookup_ssn(customer_id) AS looked_up FROM vr_orders");

    private static List<String> routines(TestDatabase db) {
        return switch (db) {
            case H2 -> List.of(
                    "CREATE ALIAS vr_lookup_ssn FOR \"" + Routines.class.getName() + ".lookupSsn\"",
                    "CREATE ALIAS vr_twice FOR \"" + Routines.class.getName() + ".twice\"");
            case POSTGRESQL -> List.of(
                    "CREATE FUNCTION vr_lookup_ssn(p int) RETURNS text LANGUAGE sql AS 'SELECT ssn FROM vr_customers WHERE id = p'",
                    "CREATE FUNCTION vr_lookup_ssn_pl(p int) RETURNS text LANGUAGE plpgsql"
                            + " AS $$ BEGIN RETURN (SELECT ssn FROM vr_customers WHERE id = p); END $$",
                    "CREATE FUNCTION vr_mail_of(c vr_customers) RETURNS text LANGUAGE sql AS 'SELECT c.email'",
                    "CREATE FUNCTION vr_twice(x int) RETURNS int LANGUAGE sql AS 'SELECT 2 * x'",
                    "CREATE PROCEDURE vr_order_total(IN p int, OUT p_total numeric) LANGUAGE plpgsql"
                            + " AS $$ BEGIN SELECT total INTO p_total FROM vr_orders WHERE id = p; END $$",
                    "CREATE PROCEDURE vr_customer_mail(IN p int, OUT p_mail text) LANGUAGE plpgsql"
                            + " AS $$ BEGIN SELECT email INTO p_mail FROM vr_customers WHERE id = p; END $$",
                    "CREATE PROCEDURE vr_customer_contact(IN p int, OUT p_name text, OUT p_mail text) LANGUAGE plpgsql"
                            + " AS $$ BEGIN SELECT name, email INTO p_name, p_mail FROM vr_customers WHERE id = p; END $$");
            case MARIADB -> List.of(
                    "CREATE FUNCTION vr_lookup_ssn(p INT) RETURNS VARCHAR(11) READS SQL DATA"
                            + " RETURN (SELECT ssn FROM vr_customers WHERE id = p)",
                    "CREATE FUNCTION vr_twice(x INT) RETURNS INT DETERMINISTIC RETURN 2 * x",
                    "CREATE PROCEDURE vr_order_total(IN p INT, OUT p_total DECIMAL(12,2)) READS SQL DATA"
                            + " SELECT total INTO p_total FROM vr_orders WHERE id = p",
                    "CREATE PROCEDURE vr_customer_mail(IN p INT, OUT p_mail VARCHAR(100)) READS SQL DATA"
                            + " SELECT email INTO p_mail FROM vr_customers WHERE id = p",
                    "CREATE PROCEDURE vr_customer_contact(IN p INT, OUT p_name VARCHAR(100), OUT p_mail VARCHAR(100))"
                            + " READS SQL DATA SELECT name, email INTO p_name, p_mail FROM vr_customers WHERE id = p");
            // SQL routines, their bodies both bare and in BEGIN ATOMIC blocks
            case HSQLDB -> List.of(
                    "CREATE FUNCTION vr_lookup_ssn(p INT) RETURNS VARCHAR(11) READS SQL DATA"
                            + " RETURN (SELECT ssn FROM vr_customers WHERE id = p)",
                    "CREATE FUNCTION vr_twice(x INT) RETURNS INT RETURN 2 * x",
                    "CREATE PROCEDURE vr_order_total(IN p INT, OUT p_total DECIMAL(12,2)) READS SQL DATA"
                            + " SELECT total INTO p_total FROM vr_orders WHERE id = p",
                    "CREATE PROCEDURE vr_customer_mail(IN p INT, OUT p_mail VARCHAR(100)) READS SQL DATA"
                            + " SELECT email INTO p_mail FROM vr_customers WHERE id = p",
                    "CREATE PROCEDURE vr_customer_contact(IN p INT, OUT p_name VARCHAR(100), OUT p_mail VARCHAR(100))"
                            + " READS SQL DATA BEGIN ATOMIC SELECT name, email INTO p_name, p_mail FROM vr_customers"
                            + " WHERE id = p; END");
        };
    }

    private static List<String> drops(TestDatabase db) {
        List<String> drops = new ArrayList<>(List.of("DROP VIEW IF EXISTS vr_late", "DROP VIEW IF EXISTS vr_renamed",
                "DROP VIEW IF EXISTS vr_replaced", "DROP VIEW IF EXISTS vr_among",
                "DROP VIEW IF EXISTS vr_via_function",
                "DROP VIEW IF EXISTS vr_nested", "DROP VIEW IF EXISTS vr_clear", "DROP VIEW IF EXISTS vr_expr",
                "DROP VIEW IF EXISTS vr_plain"));
        switch (db) {
            case H2 -> drops.addAll(List.of("DROP ALIAS IF EXISTS vr_lookup_ssn", "DROP ALIAS IF EXISTS vr_twice",
                    "DROP SCHEMA IF EXISTS vr_reports CASCADE"));
            case POSTGRESQL -> drops.addAll(List.of("DROP SCHEMA IF EXISTS vr_reports CASCADE",
                    "DROP FUNCTION IF EXISTS vr_lookup_ssn(int)", "DROP FUNCTION IF EXISTS vr_lookup_ssn_pl(int)",
                    "DROP FUNCTION IF EXISTS vr_mail_of(vr_customers)", "DROP FUNCTION IF EXISTS vr_twice(int)",
                    "DROP PROCEDURE IF EXISTS vr_order_total(int, numeric)", "DROP PROCEDURE IF EXISTS vr_customer_mail(int, text)",
                    "DROP PROCEDURE IF EXISTS vr_customer_contact(int, text, text)"));
            case MARIADB -> drops.addAll(List.of("DROP FUNCTION IF EXISTS vr_lookup_ssn", "DROP FUNCTION IF EXISTS vr_twice",
                    "DROP PROCEDURE IF EXISTS vr_order_total", "DROP PROCEDURE IF EXISTS vr_customer_mail",
                    "DROP PROCEDURE IF EXISTS vr_customer_contact"));
            // the view first: HSQLDB's DROP SCHEMA CASCADE leaves it a dependant of vr_customers
            case HSQLDB -> drops.addAll(List.of("DROP VIEW IF EXISTS vr_reports.vr_contacts",
                    "DROP SCHEMA IF EXISTS vr_reports CASCADE",
                    "DROP FUNCTION IF EXISTS vr_lookup_ssn", "DROP FUNCTION IF EXISTS vr_twice",
                    "DROP PROCEDURE IF EXISTS vr_order_total", "DROP PROCEDURE IF EXISTS vr_customer_mail",
                    "DROP PROCEDURE IF EXISTS vr_customer_contact"));
        }
        drops.addAll(List.of("DROP TABLE IF EXISTS vr_orders", "DROP TABLE IF EXISTS vr_customers"));
        return drops;
    }

    static List<TestDatabase> databases() {
        return TestDatabase.available();
    }

    @BeforeAll
    static void usePolicy() {
        previousConfig = ConfigProperty.set(POLICY);
    }

    @AfterAll
    static void dropObjects() throws SQLException {
        ConfigProperty.restore(previousConfig);
        for (TestDatabase db : CREATED.keySet()) {
            try (Connection c = db.raw(); Statement s = c.createStatement()) {
                for (String drop : drops(db)) {
                    s.execute(drop);
                }
            }
        }
    }

    /** Creates the objects once per run, before any ClaimGuard connection reads the catalog. */
    private static void create(TestDatabase db) {
        CREATED.computeIfAbsent(db, d -> {
            try (Connection c = d.raw(); Statement s = c.createStatement()) {
                for (String drop : drops(d)) {
                    s.execute(drop);
                }
                List<String> statements = new ArrayList<>(TABLES);
                statements.addAll(routines(d));
                statements.addAll(VIEWS);
                if (d != TestDatabase.MARIADB) {   // a MariaDB schema is a database of its own
                    statements.add("CREATE SCHEMA vr_reports");
                    statements.add("CREATE VIEW vr_reports.vr_contacts AS SELECT id, email AS mail FROM vr_customers");
                    // columns renamed by position: the lineage would need the table's column order
                    statements.add("CREATE VIEW vr_renamed AS SELECT c.a AS id, c.b AS label FROM vr_customers AS c(a, b, s, e)");
                }
                for (String statement : statements) {
                    s.execute(statement);
                }
                return true;
            } catch (SQLException e) {
                if (TestDatabase.SERVICES_REQUIRED || d.embedded()) {
                    throw new IllegalStateException(d + ": could not create the views and routines: " + e.getMessage(), e);
                }
                return false;
            }
        });
        Assumptions.assumeTrue(CREATED.get(db), db + " is not reachable; skipped");
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        create(db);
        return DriverManager.getConnection(db.guardedUrl());
    }

    /** Every row of {@code sql} as {@code subject}, each cell read with getString (null stays null). */
    private static List<List<String>> rows(TestDatabase db, Subject subject, String sql) throws SQLException {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(subject);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Rows.of(rs);
        }
    }

    private static List<List<String>> row(String... cells) {
        return List.of(Arrays.asList(cells));
    }

    private static void assertRefused(TestDatabase db, Subject subject, String sql) throws SQLException {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(subject);
             Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeQuery(sql), sql);
            assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            assertFalse(refused.getMessage().contains(SSN) || refused.getMessage().contains(EMAIL), refused.getMessage());
        }
    }

    private static String decimal(String value) {
        return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
    }

    // ---- views

    @ParameterizedTest
    @MethodSource("databases")
    void viewColumn_passingAProtectedValueThrough_isMaskedWithItsMask(TestDatabase db) throws SQLException {
        assertEquals(row("1", "Jane Doe", MASKED_SSN), rows(db, Subjects.AGENT, "SELECT id, name, ssn FROM vr_plain"));
        assertEquals(row(MASKED_SSN), rows(db, Subjects.AGENT, "SELECT p.ssn AS x FROM vr_plain p WHERE p.id = 1"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewColumn_computedFromAProtectedValue_readsNull(TestDatabase db) throws SQLException {
        assertEquals(row("1", null, null), rows(db, Subjects.AGENT, "SELECT id, ssn_upper, contact FROM vr_expr"));
        assertEquals(row("1", SSN.toUpperCase(), null), rows(db, COMPLIANCE, "SELECT id, ssn_upper, contact FROM vr_expr"),
                "each source decides: the SSN is allowed, the e-mail address in contact is not");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewOverViews_carriesEachColumnsMask(TestDatabase db) throws SQLException {
        assertEquals(row("1", MASKED_SSN, null), rows(db, Subjects.AGENT, "SELECT id, tax_id, ssn_upper FROM vr_nested"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void selectStar_fromViews_masksByColumn(TestDatabase db) throws SQLException {
        assertEquals(row("1", "Jane Doe", MASKED_SSN), rows(db, Subjects.AGENT, "SELECT * FROM vr_plain"));
        assertEquals(row("1", MASKED_SSN, null), rows(db, Subjects.AGENT, "SELECT n.* FROM vr_nested n"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewColumns_fromADeniedPredicateColumn_mayNotChooseRows(TestDatabase db) throws SQLException {
        String guess = "SELECT id FROM vr_plain WHERE ssn LIKE CONCAT('12', '3%')";
        assertRefused(db, Subjects.AGENT, guess);
        assertRefused(db, Subjects.AGENT, "SELECT id FROM vr_nested ORDER BY tax_id");
        assertRefused(db, Subjects.AGENT, "SELECT id FROM vr_expr WHERE ssn_upper IS NOT NULL");
        assertEquals(row("1"), rows(db, Subjects.OFFICER, guess), "the officer may");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewColumns_mayNotBeCopiedOut(TestDatabase db) throws SQLException {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO vr_orders (id, customer_id, total) SELECT 99, id, 0 FROM vr_plain WHERE ssn IS NULL"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewOverUnprotectedColumns_isUnaffected(TestDatabase db) throws SQLException {
        List<List<String>> rows = rows(db, Subjects.AGENT, "SELECT * FROM vr_clear");
        assertEquals(1, rows.size());
        assertEquals(List.of("1", "Jane Doe"), rows.get(0).subList(0, 2));
        assertEquals("19.99", decimal(rows.get(0).get(2)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewTheLineageCannotFollow_protectsEveryColumnWithWhatItNames(TestDatabase db) throws SQLException {
        Assumptions.assumeTrue(db != TestDatabase.MARIADB, "MariaDB has no column lists on table aliases");
        assertEquals(row(null, null), rows(db, Subjects.AGENT, "SELECT id, label FROM vr_renamed"),
                "even the id and the name: which columns the definition reads is not known");
        assertEquals(row("1", "Jane Doe"), rows(db, Subjects.OFFICER, "SELECT id, label FROM vr_renamed"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewInAnotherSchema_isMatchedByItsSchema(TestDatabase db) throws SQLException {
        Assumptions.assumeTrue(db != TestDatabase.MARIADB, "a MariaDB schema is a database of its own");
        assertEquals(row("1", MASKED_EMAIL), rows(db, Subjects.AGENT, "SELECT id, mail FROM vr_reports.vr_contacts"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void officer_seesExactValues_throughEveryViewAndFunction(TestDatabase db) throws SQLException {
        assertEquals(row("1", "Jane Doe", SSN), rows(db, Subjects.OFFICER, "SELECT * FROM vr_plain"));
        assertEquals(row("1", SSN.toUpperCase(), "Jane Doe" + EMAIL),
                rows(db, Subjects.OFFICER, "SELECT id, ssn_upper, contact FROM vr_expr"));
        assertEquals(row("1", SSN, SSN.toUpperCase()), rows(db, Subjects.OFFICER, "SELECT * FROM vr_nested"));
        assertEquals(row(SSN), rows(db, Subjects.OFFICER, db.selectOnly("vr_lookup_ssn(1)")));
        assertEquals(row("10", SSN), rows(db, Subjects.OFFICER, "SELECT id, looked_up FROM vr_via_function"));
    }

    // ---- routines

    @ParameterizedTest
    @MethodSource("databases")
    void function_readingAProtectedColumn_derivesFromIt(TestDatabase db) throws SQLException {
        assertEquals(row(COMPUTED), rows(db, Subjects.AGENT, db.selectOnly("vr_lookup_ssn(1)")));
        assertEquals(row("10", COMPUTED), rows(db, Subjects.AGENT, "SELECT o.id, vr_lookup_ssn(o.customer_id) FROM vr_orders o"));
        // its body names the table, so it counts as reading the e-mail address too (H2's Java: everything)
        assertEquals(row(COMPUTED), rows(db, COMPLIANCE, db.selectOnly("vr_lookup_ssn(1)")));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void function_readingADeniedPredicateColumn_mayNotChooseRows(TestDatabase db) throws SQLException {
        assertRefused(db, Subjects.AGENT, "SELECT id FROM vr_orders WHERE vr_lookup_ssn(customer_id) LIKE CONCAT('12', '%')");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewCallingAFunction_derivesFromWhatTheFunctionReads(TestDatabase db) throws SQLException {
        assertEquals(row("10", null), rows(db, Subjects.AGENT, "SELECT * FROM vr_via_function"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void functionNamedAsReadingNothing_isUnaffected(TestDatabase db) throws SQLException {
        assertEquals(row("42"), rows(db, Subjects.AGENT, db.selectOnly("vr_twice(21)")));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void plpgsqlFunction_andAttributeNotation_deriveFromWhatTheyRead(TestDatabase db) throws SQLException {
        Assumptions.assumeTrue(db == TestDatabase.POSTGRESQL, "PostgreSQL only");
        assertEquals(row(COMPUTED), rows(db, Subjects.AGENT, "SELECT vr_lookup_ssn_pl(1)"));
        assertEquals(row(SSN), rows(db, Subjects.OFFICER, "SELECT vr_lookup_ssn_pl(1)"));
        // c.vr_mail_of is vr_mail_of(c): the parser sees a column, the catalog a parameter of the table's row type
        assertEquals(row(COMPUTED, MASKED_EMAIL), rows(db, Subjects.AGENT, "SELECT c.vr_mail_of, c.email FROM vr_customers c"));
        assertEquals(row(EMAIL), rows(db, Subjects.OFFICER, "SELECT c.vr_mail_of FROM vr_customers c"));
    }

    // ---- routine calls: a call of a routine the policy knows touches only what that routine reads

    /** The routine reading nothing protected: Java told so by the configuration on H2, a procedure elsewhere. */
    private static String clearRoutine(TestDatabase db) {
        return db == TestDatabase.H2 ? "vr_twice" : "vr_order_total";
    }

    /** The routine reading a protected column: Java on H2, a procedure over the e-mail address elsewhere. */
    private static String protectedRoutine(TestDatabase db) {
        return db == TestDatabase.H2 ? "vr_lookup_ssn" : "vr_customer_mail";
    }

    /** Calls {@code routine(argument)} as {@code subject} and returns its OUT value as text. */
    private static String callOut(TestDatabase db, Subject subject, String routine, String argument) throws SQLException {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(subject)) {
            if (db == TestDatabase.POSTGRESQL) {   // pgjdbc runs {call} as a SELECT, which procedures refuse
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("CALL " + routine + "(" + argument + ", NULL)")) {
                    assertTrue(rs.next());
                    return rs.getString(1);
                }
            }
            String call = db == TestDatabase.H2 ? "{? = call " + routine + "(" + argument + ")}"
                    : "{call " + routine + "(" + argument + ", ?)}";
            try (CallableStatement cs = c.prepareCall(call)) {
                cs.registerOutParameter(1, Types.VARCHAR);
                cs.execute();
                return cs.getString(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void callOfARoutineReadingNothingProtected_runsInTheClear(TestDatabase db) throws SQLException {
        String shown = callOut(db, Subjects.AGENT, clearRoutine(db), db == TestDatabase.H2 ? "21" : "10");
        assertEquals(db == TestDatabase.H2 ? "42" : "19.99", decimal(shown));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void callOfARoutineReadingAProtectedColumn_isRefusedForWhoMayNotSeeIt(TestDatabase db) throws SQLException {
        SQLException refused = assertThrows(SQLException.class, () -> callOut(db, Subjects.AGENT, protectedRoutine(db), "1"));
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains("vr_customers"), refused.getMessage());
        assertEquals(db == TestDatabase.H2 ? SSN : EMAIL, callOut(db, Subjects.OFFICER, protectedRoutine(db), "1"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void callWithAComputedArgument_mayReadAnything(TestDatabase db) throws SQLException {
        SQLException refused = assertThrows(SQLException.class,
                () -> callOut(db, Subjects.AGENT, clearRoutine(db), "(SELECT MIN(id) FROM vr_orders)"));
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void outParametersTheConfigurationNames_areHiddenOneByOne(TestDatabase db) throws SQLException {
        Assumptions.assumeTrue(db != TestDatabase.H2, "H2 routines have no OUT parameters");
        if (db == TestDatabase.POSTGRESQL) {   // CALL returns the OUT values as a row, labelled by name
            assertEquals(row("Jane Doe", MASKED_EMAIL), rows(db, Subjects.AGENT, "CALL vr_customer_contact(1, NULL, NULL)"));
            assertEquals(row("Jane Doe", EMAIL), rows(db, Subjects.OFFICER, "CALL vr_customer_contact(1, NULL, NULL)"));
            return;
        }
        for (Subject subject : List.of(Subjects.AGENT, Subjects.OFFICER)) {
            try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(subject);
                 CallableStatement cs = c.prepareCall("{call vr_customer_contact(?, ?, ?)}")) {
                cs.setInt(1, 1);
                cs.registerOutParameter(2, Types.VARCHAR);
                cs.registerOutParameter(3, Types.VARCHAR);
                cs.execute();
                assertEquals("Jane Doe", cs.getString(2));
                assertFalse(cs.wasNull());
                String mail = subject == Subjects.AGENT ? null : EMAIL;
                assertEquals(mail, cs.getString(3), "by index");
                assertEquals(mail == null, cs.wasNull());
                assertEquals(mail, cs.getString("p_mail"), "by name");
                assertEquals(mail, cs.getObject(3), "as an object");
                assertEquals("Jane Doe", cs.getString("p_name"));
            }
        }
    }

    static Stream<Arguments> databasesAndModes() {
        return databases().stream().flatMap(db -> Stream.of(Mode.values()).map(mode -> Arguments.of(db, mode)));
    }

    /** This class's policy with {@code jdbc.mode} set, and every audit event written. */
    private static Path auditedPolicy(Mode mode) throws IOException {
        Path policy = configDir.resolve("audited-" + mode.code() + ".yaml");
        if (!Files.exists(policy)) {
            try (InputStream yaml = ViewsAndRoutinesTest.class.getResourceAsStream("/views-routines.yaml")) {
                String text = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
                Files.writeString(policy, "audit:\n  repeat_window_seconds: 0\n"
                        + text.replace("\njdbc:\n", "\njdbc:\n  mode: " + mode.code() + "\n"), StandardCharsets.UTF_8);
            }
        }
        return policy;
    }

    /**
     * The OUT parameter mapped to the e-mail address, read through the callable statement's getters
     * (on PostgreSQL with {@code escapeSyntaxCallMode=call}, so that {@code {call}} runs a CALL):
     * the call's one event names it as read as NULL, or, in report mode, as what would have been.
     */
    @ParameterizedTest
    @MethodSource("databasesAndModes")
    void outParameterTheConfigurationNames_isNamedInTheCallsAuditEvent(TestDatabase db, Mode mode) throws Exception {
        Assumptions.assumeTrue(db != TestDatabase.H2, "H2 routines have no OUT parameters");
        create(db);
        String url = db.guardedUrl() + (db == TestDatabase.POSTGRESQL ? "&escapeSyntaxCallMode=call" : "");
        try (AuditLog audit = new AuditLog(); Connection c = ConfigProperty.connect(url, auditedPolicy(mode).toString());
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             CallableStatement cs = c.prepareCall("{call vr_customer_contact(?, ?, ?)}")) {
            cs.setInt(1, 1);
            cs.registerOutParameter(2, Types.VARCHAR);
            cs.registerOutParameter(3, Types.VARCHAR);
            audit.take();
            cs.execute();
            assertEquals("Jane Doe", cs.getString(2));
            assertEquals(mode == Mode.REPORT ? EMAIL : null, cs.getString(3));

            JsonNode event = audit.one();
            assertEquals(mode == Mode.REPORT ? "would_mask" : "mask", event.get("outcome").asText(), event.toString());
            assertEquals(mode.code(), event.get("mode").asText(), event.toString());
            assertEquals("agent-7", event.get("sub").asText(), event.toString());
            assertEquals("[\"vr_customers.email\"]", String.valueOf(event.get(mode == Mode.REPORT ? "would_null" : "nulled")),
                    event.toString());
            assertFalse(event.has("masked") || event.has("would_mask"), event.toString());
            assertFalse(audit.text().contains(EMAIL) || audit.text().contains("Jane"), audit.text());
        }
    }

    // ---- objects defined through the driver

    @ParameterizedTest
    @MethodSource("databases")
    void viewCreatedThroughTheDriver_isProtectedFromTheNextStatementOn(TestDatabase db) throws SQLException {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER);
             Statement s = c.createStatement()) {
            s.execute("DROP VIEW IF EXISTS vr_late");
            s.execute("CREATE VIEW vr_late AS SELECT id, email AS contact_mail FROM vr_customers");
        }
        assertEquals(row("1", MASKED_EMAIL), rows(db, Subjects.AGENT, "SELECT * FROM vr_late"));
        assertEquals(row("1", EMAIL), rows(db, Subjects.OFFICER, "SELECT * FROM vr_late"));
    }

    /**
     * A view replaced, or created by one statement of a text holding several, is read again
     * before the next statement, like one present at start.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void viewReplacedOrCreatedAmongOtherStatements_isProtectedFromTheNextStatementOn(TestDatabase db) throws SQLException {
        create(db);
        String multi = db == TestDatabase.MARIADB ? "&allowMultiQueries=true" : "";
        try (Connection c = DriverManager.getConnection(db.guardedUrl() + multi);
             GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER); Statement s = c.createStatement()) {
            s.execute("DROP VIEW IF EXISTS vr_replaced");
            s.execute("CREATE VIEW vr_replaced AS SELECT id, name AS contact FROM vr_customers");
            assertEquals(row("1", "Jane Doe"), rows(db, Subjects.AGENT, "SELECT * FROM vr_replaced"));
            s.execute(db.replaceView("vr_replaced", "SELECT id, email AS contact FROM vr_customers"));
            s.execute(db.selectOnly("1") + "; DROP VIEW IF EXISTS vr_among; CREATE VIEW vr_among AS SELECT id, email AS contact"
                    + " FROM vr_customers");
        }
        assertEquals(row("1", MASKED_EMAIL), rows(db, Subjects.AGENT, "SELECT * FROM vr_replaced"));
        assertEquals(row("1", MASKED_EMAIL), rows(db, Subjects.AGENT, "SELECT * FROM vr_among"));
        assertEquals(row("1", EMAIL), rows(db, Subjects.OFFICER, "SELECT * FROM vr_among"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void firstConnection_fromAPoolWithoutAutoCommit_isLeftOutsideATransaction(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(db == TestDatabase.POSTGRESQL, "PostgreSQL refuses a new isolation level inside a transaction");
        create(db);
        // a policy of its own, so that this pool's first connection is the first to this database
        Path policy = configDir.resolve("autocommit-off.yaml");
        try (InputStream yaml = ViewsAndRoutinesTest.class.getResourceAsStream("/views-routines.yaml")) {
            Files.copy(yaml, policy);
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(db.rawUrl);
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(1);
        try (HikariDataSource hikari = new HikariDataSource(pool);
             Connection c = new ClaimGuardDataSource(hikari, policy.toString()).getConnection()) {
            assertFalse(c.getAutoCommit());
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
        }
    }
}

