package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the configuration can say about views and routines ({@code jdbc.views}, {@code
 * jdbc.routines}, {@code jdbc.catalog}), and how a catalog that cannot be read fails the
 * connection. One H2 database, one ClaimGuardDataSource per policy.
 */
class CatalogConfigTest {
    private static final String H2_URL = "jdbc:h2:mem:cg_catalog_config;DB_CLOSE_DELAY=-1";
    private static final String SSN = "123-45-6789";
    private static final String COLUMNS = """
              columns:
                - column: cc_customers.ssn
                  allow: ["role:compliance"]
                  mask: last4
                  predicates: deny
                - column: cc_customers.email
                  allow: ["scope:pii.read"]
                  mask: email
            """;
    private static final Subject COMPLIANCE = Subject.fromClaims(Map.of("sub", "compliance-3", "roles", List.of("compliance")));

    @TempDir
    static Path configDir;

    /** The routines H2 runs. */
    public static final class Routines {
        private Routines() {
        }

        public static String lookupSsn(Connection connection, int id) throws SQLException {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ssn FROM cc_customers WHERE id = " + id)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        public static int twice(int value) {
            return 2 * value;
        }
    }

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE cc_customers (id INT PRIMARY KEY, name VARCHAR(100), ssn VARCHAR(11), email VARCHAR(100))");
            s.execute("INSERT INTO cc_customers VALUES (1, 'Jane Doe', '" + SSN + "', 'jane.doe@example.com')");
            s.execute("CREATE VIEW cc_summary AS SELECT id, CONCAT(name, ' ', RIGHT(ssn, 4)) AS label, ssn FROM cc_customers");
            s.execute("CREATE ALIAS cc_lookup FOR \"" + Routines.class.getName() + ".lookupSsn\"");
            s.execute("CREATE ALIAS cc_twice FOR \"" + Routines.class.getName() + ".twice\"");
        }
    }

    private static Path policy(String name, String extra) throws Exception {
        Path file = configDir.resolve(name + ".yaml");
        Files.writeString(file, "jdbc:\n" + COLUMNS + extra, StandardCharsets.UTF_8);
        return file;
    }

    private static DataSource guarded(String name, String extra) throws Exception {
        return new ClaimGuardDataSource(h2(), policy(name, extra).toString());
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        return h2;
    }

    private static String first(DataSource ds, Subject subject, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(subject);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    // ---- naming views and routines

    @Test
    void catalogSkip_protectsTheViewsAndRoutinesTheConfigurationNames() throws Exception {
        DataSource ds = guarded("skip", """
                  catalog: skip
                  views:
                    - column: cc_summary.label
                      from: cc_customers.ssn
                    - column: PUBLIC.cc_summary.ssn
                      from: [cc_customers.ssn]
                      mask: last4
                  routines:
                    - routine: cc_lookup
                      reads: [cc_customers.ssn]
                """);
        assertEquals(null, first(ds, Subjects.AGENT, "SELECT label FROM cc_summary"), "computed: NULL unless a mask is given");
        assertEquals("*******6789", first(ds, Subjects.AGENT, "SELECT ssn FROM cc_summary"));
        assertEquals("XXXX", first(ds, Subjects.AGENT, "SELECT cc_lookup(1)"), "a call derives from what the routine reads");
        assertEquals("42", first(ds, Subjects.AGENT, "SELECT cc_twice(21)"), "with the catalog skipped, unnamed routines are left alone");
        assertEquals(SSN, first(ds, COMPLIANCE, "SELECT cc_lookup(1)"));
        assertEquals("Jane Doe 6789", first(ds, COMPLIANCE, "SELECT label FROM cc_summary"));
    }

    @Test
    void namedViewColumn_takesItsSourcesPredicateRule() throws Exception {
        DataSource ds = guarded("skip-predicates", """
                  catalog: skip
                  views:
                    - column: cc_summary.label
                      from: cc_customers.ssn
                """);
        try (Connection c = ds.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT id FROM cc_summary WHERE label LIKE 'Jane%'"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("label"), refused.getMessage());
        }
    }

    @Test
    void namedRoutine_overridesWhatTheCatalogWouldSay() throws Exception {
        DataSource fromCatalog = guarded("catalog-only", "");
        assertEquals("XXXX", first(fromCatalog, COMPLIANCE, "SELECT cc_lookup(1)"),
                "a Java routine counts as reading every protected column, the e-mail address too");
        assertEquals("0", first(fromCatalog, Subjects.AGENT, "SELECT cc_twice(21)"),
                "even one that reads nothing: its result is computed from protected columns, so masked");
        DataSource named = guarded("catalog-and-routines", """
                  routines:
                    - routine: cc_lookup
                      reads: [cc_customers.ssn]
                    - routine: PUBLIC.CC_TWICE
                      reads: []
                """);
        assertEquals(SSN, first(named, COMPLIANCE, "SELECT cc_lookup(1)"));
        assertEquals("42", first(named, Subjects.AGENT, "SELECT cc_twice(21)"));
    }

    // ---- a catalog that cannot be read

    @Test
    void unsupportedDatabase_failsTheConnection_namingTheSwitch() throws Exception {
        Path file = policy("unsupported", "");
        DataSource acme = database("Acme DB", null);
        SQLException refused = assertThrows(SQLException.class, () -> new ClaimGuardDataSource(acme, file.toString()).getConnection());
        assertEquals("08001", refused.getSQLState());
        for (String named : List.of("Acme DB", "catalog: skip", "jdbc.views", "jdbc.routines", file.getFileName().toString())) {
            assertTrue(refused.getMessage().contains(named), "names '" + named + "': " + refused.getMessage());
        }
        Path skipping = policy("unsupported-skip", "  catalog: skip\n");
        try (Connection c = new ClaimGuardDataSource(acme, skipping.toString()).getConnection();
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ssn FROM cc_customers")) {
            assertTrue(rs.next());
            assertEquals("*******6789", rs.getString(1), "with the catalog skipped, the configured columns still apply");
        }
    }

    @Test
    void catalogQueryRefused_failsTheConnection_everyTime_namingWhatCouldNotBeRead() throws Exception {
        Path file = policy("refused", "");
        DataSource refusing = database(null, "permission denied for INFORMATION_SCHEMA");
        for (int attempt = 0; attempt < 2; attempt++) {   // a failed read is not remembered as "nothing to protect"
            ClaimGuardDataSource ds = new ClaimGuardDataSource(refusing, file.toString());
            SQLException refused = assertThrows(SQLException.class, ds::getConnection);
            assertEquals("08001", refused.getSQLState());
            for (String named : List.of("could not read the view", "permission denied", "catalog: skip", file.getFileName().toString())) {
                assertTrue(refused.getMessage().contains(named), "names '" + named + "': " + refused.getMessage());
            }
            assertFalse(refused.getMessage().contains(SSN));
        }
    }

    /**
     * H2 under another product name, or with catalog queries refused: what a database ClaimGuard
     * does not know, or a user without access to the catalog, looks like.
     */
    private static DataSource database(String productName, String refusal) {
        JdbcDataSource h2 = h2();
        return (DataSource) Proxy.newProxyInstance(CatalogConfigTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection")
                        ? connection(h2.getConnection(), productName, refusal) : invoke(method, h2, args));
    }

    private static Connection connection(Connection real, String productName, String refusal) {
        return (Connection) Proxy.newProxyInstance(CatalogConfigTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData") && productName != null) {
                        DatabaseMetaData meta = real.getMetaData();
                        return Proxy.newProxyInstance(CatalogConfigTest.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                                (p, m, a) -> m.getName().equals("getDatabaseProductName") ? productName : invoke(m, meta, a));
                    }
                    if (method.getName().equals("createStatement") && refusal != null) {
                        Statement statement = real.createStatement();
                        return Proxy.newProxyInstance(CatalogConfigTest.class.getClassLoader(), new Class<?>[] {Statement.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("executeQuery") && String.valueOf(a[0]).contains("INFORMATION_SCHEMA")) {
                                        throw new SQLException(refusal, "42501");
                                    }
                                    return invoke(m, statement, a);
                                });
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
