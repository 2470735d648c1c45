package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.ReadPaths.Outcome;
import io.claimguard.jdbc.ReadPaths.ReadPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcDatabaseMetaData;
import org.h2.jdbc.JdbcResultSet;
import org.h2.jdbc.JdbcStatement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy's switches ({@code allow_unwrap}, {@code on_no_subject}, {@code on_unparseable}) and
 * how its column names match H2's: unquoted names in any case, quoted names exactly, and an
 * optional schema. Each policy is its own ClaimGuardDataSource over one H2 database.
 */
class PolicySwitchesTest {
    private static final String H2_URL = "jdbc:h2:mem:cg_switches;DB_CLOSE_DELAY=-1";
    private static final String RAW_SSN = "123-45-6789";
    private static final String MASKED_SSN = "*******6789";
    /** Held by the look-alike tables a policy must not reach. */
    private static final String OTHER_SSN = "987-65-4321";
    /** H2 SQL that jsqlparser 5.4 cannot parse: a data-change delta table. */
    private static final String UNPARSEABLE_PROTECTED =
            "SELECT id, ssn, email FROM FINAL TABLE (UPDATE sw_customers SET name = name WHERE id = 1)";
    private static final String UNPARSEABLE_UNPROTECTED =
            "SELECT id, total FROM FINAL TABLE (UPDATE sw_orders SET total = total WHERE id = 1)";
    private static final String BASE = """
            jdbc:
              %s
              columns:
                - column: sw_customers.ssn
                  allow: ["scope:pii.ssn"]
                  mask: last4
                - column: sw_customers.email
                  allow: ["scope:pii.read"]
                  mask: email
            """;
    private static final Subject READER = Subject.fromClaims(Map.of("sub", "reader-1", "scope", "pii.ssn pii.read"));

    @TempDir
    static Path configDir;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE sw_customers (id INT PRIMARY KEY, name VARCHAR(100), ssn VARCHAR(11), email VARCHAR(100))");
            s.execute("INSERT INTO sw_customers VALUES (1, 'Jane Doe', '" + RAW_SSN + "', 'jane.doe@example.com')");
            s.execute("CREATE TABLE sw_orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(12,2))");
            s.execute("INSERT INTO sw_orders VALUES (1, 1, 19.99)");
            s.execute("CREATE TABLE \"lc_customers\" (\"id\" INT PRIMARY KEY, \"ssn\" VARCHAR(11))");
            s.execute("INSERT INTO \"lc_customers\" VALUES (1, '" + RAW_SSN + "')");
            s.execute("CREATE TABLE lc_customers (id INT PRIMARY KEY, ssn VARCHAR(11))");   // stored as LC_CUSTOMERS.SSN
            s.execute("INSERT INTO lc_customers VALUES (1, '" + OTHER_SSN + "')");
            s.execute("CREATE SCHEMA other");
            s.execute("CREATE TABLE other.sw_customers (id INT PRIMARY KEY, ssn VARCHAR(11))");
            s.execute("INSERT INTO other.sw_customers VALUES (1, '" + OTHER_SSN + "')");
        }
    }

    private static DataSource guarded(String name, String yaml) throws Exception {
        Path file = configDir.resolve(name + ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        return new ClaimGuardDataSource(h2, file.toString());
    }

    private static DataSource base(String name, String switches) throws Exception {
        return guarded(name, BASE.formatted(switches));
    }

    /** The first row's value in {@code column} (1-based), read as {@code subject}; null subject: none. */
    private static String first(DataSource ds, Subject subject, String sql, int column) throws Exception {
        try (Connection c = ds.getConnection(); AutoCloseable ignored = subject == null ? () -> { } : GuardContext.open(subject);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(column);
        }
    }

    private static SQLException refused(DataSource ds, Subject subject, String sql) throws Exception {
        try (Connection c = ds.getConnection(); AutoCloseable ignored = subject == null ? () -> { } : GuardContext.open(subject);
             Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
            assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            assertFalse(refused.getMessage().contains(RAW_SSN) || refused.getMessage().contains("jane.doe"),
                    "the message carries no value: " + refused.getMessage());
            return refused;
        }
    }

    // ---- allow_unwrap

    @Test
    void allowUnwrap_true_handsOutTheRawH2Objects() throws Exception {
        DataSource ds = base("unwrap", "allow_unwrap: true");
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ssn FROM sw_customers")) {
            assertTrue(rs.next());
            assertEquals(MASKED_SSN, rs.getString(1), "the wrapper itself still masks");
            assertTrue(c.isWrapperFor(JdbcConnection.class));
            JdbcConnection raw = c.unwrap(JdbcConnection.class);
            assertInstanceOf(JdbcConnection.class, raw);
            assertInstanceOf(JdbcStatement.class, s.unwrap(JdbcStatement.class));
            assertInstanceOf(JdbcResultSet.class, rs.unwrap(JdbcResultSet.class));
            assertInstanceOf(JdbcDatabaseMetaData.class, c.getMetaData().unwrap(JdbcDatabaseMetaData.class));
            try (Statement rawStatement = raw.createStatement();
                 ResultSet unmasked = rawStatement.executeQuery("SELECT ssn FROM sw_customers")) {
                assertTrue(unmasked.next());
                assertEquals(RAW_SSN, unmasked.getString(1), "what allow_unwrap hands out reads without masks, as documented");
            }
        }
    }

    @Test
    void allowUnwrap_default_refusesTheRawH2Objects() throws Exception {
        DataSource ds = base("no-unwrap", "# allow_unwrap: false is the default");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertFalse(c.isWrapperFor(JdbcConnection.class));
            assertEquals("42501", assertThrows(SQLException.class, () -> c.unwrap(JdbcConnection.class)).getSQLState());
            assertEquals("42501", assertThrows(SQLException.class, () -> s.unwrap(JdbcStatement.class)).getSQLState());
            DatabaseMetaData metaData = c.getMetaData();
            assertEquals("42501", assertThrows(SQLException.class, () -> metaData.unwrap(JdbcDatabaseMetaData.class)).getSQLState());
        }
    }

    // ---- on_no_subject: deny

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ssn FROM sw_customers", "SELECT * FROM sw_customers", "SELECT UPPER(email) FROM sw_customers",
        "SELECT name FROM sw_customers UNION SELECT ssn FROM sw_customers", "UPDATE sw_customers SET ssn = '000-00-0000'"})
    void onNoSubjectDeny_protectedColumn_withoutSubject_isRefused(String sql) throws Exception {
        DataSource ds = base("no-subject-deny", "on_no_subject: deny");
        SQLException denied = refused(ds, null, sql);
        assertTrue(denied.getMessage().contains("sw_customers.ssn") || denied.getMessage().contains("sw_customers.email"),
                "names the column: " + denied.getMessage());
        assertTrue(denied.getMessage().contains("on_no_subject"), denied.getMessage());
        assertEquals(RAW_SSN, first(ds, READER, "SELECT ssn FROM sw_customers", 1), "nothing was updated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT total FROM sw_orders", "SELECT name FROM sw_customers", "SELECT COUNT(*) FROM sw_customers",
        "SELECT o.total FROM sw_orders o WHERE o.id = 1"})
    void onNoSubjectDeny_nothingProtected_withoutSubject_runs(String sql) throws Exception {
        DataSource ds = base("no-subject-deny", "on_no_subject: deny");
        assertTrue(first(ds, null, sql, 1) != null, sql);
    }

    @Test
    void onNoSubjectDeny_withSubject_runsMasked() throws Exception {
        DataSource ds = base("no-subject-deny", "on_no_subject: deny");
        assertEquals(MASKED_SSN, first(ds, Subjects.AGENT, "SELECT ssn FROM sw_customers", 1));
        assertEquals(RAW_SSN, first(ds, READER, "SELECT ssn FROM sw_customers", 1));
    }

    @Test
    void onNoSubjectDeny_preparedStatement_refusedRun_doesNotHandBackTheEarlierRows() throws Exception {
        DataSource ds = base("no-subject-deny", "on_no_subject: deny");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT ssn FROM sw_customers WHERE id = ?")) {
            ps.setInt(1, 1);
            try (GuardContext.Scope ignored = GuardContext.open(READER)) {
                assertTrue(ps.execute());
                ResultSet rs = ps.getResultSet();
                assertTrue(rs.next());
                assertEquals(RAW_SSN, rs.getString(1));
            }
            SQLException denied = assertThrows(SQLException.class, ps::execute, "no subject now");
            assertEquals("42501", denied.getSQLState());
            String shown;
            try {
                ResultSet after = ps.getResultSet();
                shown = after == null ? null : after.getString(1);
            } catch (SQLException refusedToo) {
                shown = null;   // refusing is fine
            }
            assertNotEquals(RAW_SSN, shown, "the refused run handed back the reader's row");
        }
    }

    // ---- on_unparseable

    @Test
    void onUnparseableDeny_unparseableSqlNamingProtectedColumns_isRefused() throws Exception {
        DataSource ds = base("unparseable-deny", "on_unparseable: deny");
        for (String sql : new String[] {UNPARSEABLE_PROTECTED,
            "MERGE INTO sw_customers KEY (id) VALUES (9, 'Mallory', '000-00-0000', 'm@example.com')"}) {
            SQLException denied = refused(ds, Subjects.AGENT, sql);
            assertTrue(denied.getMessage().contains("sw_customers."), "names the column: " + denied.getMessage());
            assertTrue(denied.getMessage().contains("on_unparseable"), denied.getMessage());
        }
        assertEquals("0", first(ds, READER, "SELECT COUNT(*) FROM sw_customers WHERE id = 9", 1), "the MERGE did not run");
    }

    @Test
    void onUnparseableDeny_subjectAllowedEverything_runs() throws Exception {
        DataSource ds = base("unparseable-deny", "on_unparseable: deny");
        assertEquals(RAW_SSN, first(ds, READER, UNPARSEABLE_PROTECTED, 2));
    }

    @Test
    void onUnparseableDeny_unparseableSqlNamingNothingProtected_runs() throws Exception {
        DataSource ds = base("unparseable-deny", "on_unparseable: deny");
        assertEquals("19.99", first(ds, Subjects.AGENT, UNPARSEABLE_UNPROTECTED, 2));
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("MERGE INTO sw_orders KEY (id) VALUES (2, 1, 5.00)"));
        }
    }

    @Test
    void onUnparseableMask_unparseableSql_runsWithProtectedColumnsMasked() throws Exception {
        DataSource ds = base("unparseable-mask", "on_unparseable: mask");
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(UNPARSEABLE_PROTECTED)) {
            assertTrue(rs.next());
            for (int column : new int[] {2, 3}) {
                for (ReadPath path : ReadPaths.of(ResultSet.class)) {
                    Outcome outcome = path.read(rs, column, rs.getMetaData().getColumnLabel(column));
                    for (String shown : outcome.everythingShown()) {
                        assertFalse(shown.contains(RAW_SSN) || shown.contains("45-67") || shown.contains("jane.doe"),
                                path + " on column " + column + " showed " + outcome);
                    }
                }
            }
        }
        assertEquals(RAW_SSN, first(ds, READER, UNPARSEABLE_PROTECTED, 2), "a subject allowed everything sees it");
        assertEquals("19.99", first(ds, Subjects.AGENT, UNPARSEABLE_UNPROTECTED, 2), "nothing protected: nothing masked");
    }

    // ---- how policy names match H2's

    /** An unquoted policy name, and a quoted one for the lower-case table only. */
    private static final String CASE_POLICY = """
            jdbc:
              columns:
                - {column: sw_customers.ssn, mask: last4}
                - {column: '"lc_customers"."ssn"', mask: last4}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ssn FROM sw_customers", "SELECT SSN FROM SW_CUSTOMERS", "SELECT Ssn FROM Sw_Customers",
        "SELECT \"SSN\" FROM \"SW_CUSTOMERS\"", "SELECT c.\"SSN\" FROM sw_customers c", "SELECT ssn FROM PUBLIC.sw_customers",
        "SELECT \"PUBLIC\".\"SW_CUSTOMERS\".\"SSN\" FROM \"PUBLIC\".\"SW_CUSTOMERS\"", "SELECT ssn AS \"ssn\" FROM sw_customers"})
    void unquotedPolicyName_protectsH2sUpperCaseColumn_howeverTheSqlSpellsIt(String sql) throws Exception {
        DataSource ds = guarded("case", CASE_POLICY);
        assertEquals(MASKED_SSN, first(ds, Subjects.AGENT, sql, 1), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT \"ssn\" FROM \"lc_customers\"", "SELECT * FROM \"lc_customers\"",
        "SELECT t.\"ssn\" FROM \"lc_customers\" t", "SELECT \"ssn\" FROM PUBLIC.\"lc_customers\""})
    void quotedPolicyName_protectsTheQuotedLowerCaseTable(String sql) throws Exception {
        DataSource ds = guarded("case", CASE_POLICY);
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals(MASKED_SSN, rs.getString("ssn"), sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ssn FROM lc_customers", "SELECT \"SSN\" FROM \"LC_CUSTOMERS\"", "SELECT * FROM lc_customers",
        "SELECT Ssn FROM LC_Customers"})
    void quotedPolicyName_leavesTheUpperCaseTwinAlone(String sql) throws Exception {
        DataSource ds = guarded("case", CASE_POLICY);
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals(OTHER_SSN, rs.getString("SSN"), sql + " reads LC_CUSTOMERS, which no rule names");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ssn FROM sw_customers", "SELECT ssn FROM public.sw_customers", "SELECT ssn FROM PUBLIC.SW_CUSTOMERS",
        "SELECT ssn FROM \"PUBLIC\".\"SW_CUSTOMERS\"", "SELECT s.ssn FROM public.sw_customers s", "SELECT * FROM public.sw_customers"})
    void schemaQualifiedPolicy_protectsH2sPublicSchema(String sql) throws Exception {
        DataSource ds = guarded("schema", """
                jdbc:
                  columns:
                    - {column: public.sw_customers.ssn, mask: last4}
                    - {column: '"PUBLIC"."SW_CUSTOMERS"."EMAIL"', mask: email}
                """);
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals(MASKED_SSN, rs.getString("ssn"), sql);
        }
        assertEquals("j***@***.com", first(ds, Subjects.AGENT, "SELECT email FROM sw_customers", 1));
    }

    @Test
    void schemaQualifiedPolicy_leavesTheSameTableInAnotherSchemaAlone() throws Exception {
        DataSource ds = guarded("schema", """
                jdbc:
                  columns:
                    - {column: public.sw_customers.ssn, mask: last4}
                    - {column: '"PUBLIC"."SW_CUSTOMERS"."EMAIL"', mask: email}
                """);
        assertEquals(OTHER_SSN, first(ds, Subjects.AGENT, "SELECT ssn FROM other.sw_customers", 1));
        assertEquals(OTHER_SSN, first(ds, Subjects.AGENT, "SELECT * FROM OTHER.SW_CUSTOMERS", 2));
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT p.ssn, o.ssn FROM public.sw_customers p JOIN other.sw_customers o ON o.id = p.id")) {
            assertTrue(rs.next());
            assertEquals(MASKED_SSN, rs.getString(1), "PUBLIC's column is protected");
            assertEquals(OTHER_SSN, rs.getString(2), "OTHER's is not");
        }
    }
}
