package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.ConfigException;
import io.claimguard.core.GuardContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed URLs, unknown target drivers and broken configurations: each fails with a message
 * that names the problem and never a secret, through DriverManager (an SQLException) and through
 * {@code new ClaimGuardDataSource(ds, path)} (a ConfigException); none yields a connection.
 */
class BadInputTest {
    private static final String H2_URL = "jdbc:h2:mem:cg_badinput;DB_CLOSE_DELAY=-1";
    private static final String GUARDED_URL = "jdbc:claimguard:h2:mem:cg_badinput;DB_CLOSE_DELAY=-1";
    private static final String SECRET = "TOPSECRET-hash-key-0123456789-do-not-log";
    private static final String VALID = """
            jdbc:
              hash_secret: "%s"
              columns:
                - column: bi_customers.ssn
                  mask: last4
            """.formatted(SECRET);

    @TempDir
    Path dir;
    private String previousConfig;

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bi_customers");
            s.execute("CREATE TABLE bi_customers (id INT PRIMARY KEY, ssn VARCHAR(11))");
            s.execute("INSERT INTO bi_customers VALUES (1, '123-45-6789')");
        }
    }

    @BeforeEach
    void rememberConfig() {
        previousConfig = System.getProperty("claimguard.config");
    }

    @AfterEach
    void restoreConfig() {
        ConfigProperty.restore(previousConfig);
    }

    private Path write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** Every message of the exception and its causes, for checking what they name and what they must not. */
    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    // ---- URLs

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:claimguard:", "jdbc:claimguard:nocolon", "jdbc:claimguard:claimguard:h2:mem:x",
        "JDBC:CLAIMGUARD:claimguard:h2:mem:x", "jdbc:claimguard::h2:mem:x"})
    void malformedUrl_isRefused_namingTheExpectedForm(String url) throws Exception {
        ConfigProperty.set(write("valid.yaml", VALID).toString());
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        assertEquals("08001", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains("malformed ClaimGuard URL"), refused.getMessage());
    }

    @Test
    void malformedUrl_failsBeforeTheConfigurationIsRead() {
        ConfigProperty.set(dir.resolve("absent.yaml").toString());
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:claimguard:nocolon"));
        assertTrue(refused.getMessage().contains("malformed ClaimGuard URL"), refused.getMessage());
    }

    @Test
    void unknownTargetDriver_isRefused_namingTheSchemeOnly() throws Exception {
        ConfigProperty.set(write("valid.yaml", VALID).toString());
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:claimguard:nosuchdb://db.example.com/app?password=hunter2"));
        assertEquals("08001", refused.getSQLState());
        assertTrue(refused.getMessage().contains("jdbc:nosuchdb"), refused.getMessage());
        assertTrue(refused.getMessage().contains("no JDBC driver"), refused.getMessage());
        assertFalse(messages(refused).contains("hunter2"), "the URL's password stays out: " + messages(refused));
    }

    @Test
    void configuredDriverClass_unknown_isRefused_namingTheClass() throws Exception {
        String yaml = VALID.replace("  hash_secret:", "  driver_class: com.example.NoSuchDriver\n  hash_secret:");
        ConfigProperty.set(write("driver.yaml", yaml).toString());
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(GUARDED_URL));
        assertTrue(refused.getMessage().contains("com.example.NoSuchDriver"), refused.getMessage());
        assertFalse(messages(refused).contains(SECRET));
    }

    // ---- configurations

    /** A broken configuration, and the words its message must contain (besides the file's name). */
    static Stream<Arguments> brokenConfigurations() {
        String secretLine = "  hash_secret: \"" + SECRET + "\"\n";
        String column = "    - column: bi_customers.ssn\n";
        return Stream.of(
                Arguments.of("yaml-syntax", "jdbc:\n" + secretLine + "  columns: [\n    - column: x\n",
                        List.of("not valid YAML", "line")),
                Arguments.of("yaml-unterminated-secret", "jdbc:\n  hash_secret: \"" + SECRET + "\n  columns: []\n",
                        List.of("not valid YAML")),
                Arguments.of("yaml-tab", "jdbc:\n" + secretLine + "\tcolumns: []\n", List.of("not valid YAML")),
                Arguments.of("yaml-duplicate-key", "jdbc:\n" + secretLine + secretLine + "  columns: []\n",
                        List.of("not valid YAML")),
                Arguments.of("empty", "", List.of("empty")),
                Arguments.of("no-jdbc-section", "jwt:\n  issuer: x\n  hmac_secret: \"" + SECRET + "\"\n",
                        List.of("'jdbc' section")),
                Arguments.of("jdbc-not-a-mapping", "jdbc: " + SECRET + "\n", List.of("jdbc must be a mapping")),
                Arguments.of("unknown-section-key", "jdbc:\n" + secretLine + "  colums:\n" + column + "      mask: last4\n",
                        List.of("unknown key 'colums'")),
                Arguments.of("flow-style-missing-space", "jdbc: {hash_secret:\"" + SECRET + "\", columns: []}\n",
                        List.of("unknown key 'hash_secret...'")),
                Arguments.of("unknown-column-key", "jdbc:\n" + secretLine + "  columns:\n" + column + "      alow: [\"role:hr\"]\n",
                        List.of("unknown key 'alow'")),
                Arguments.of("columns-missing", "jdbc:\n" + secretLine, List.of("jdbc.columns")),
                Arguments.of("columns-not-a-list", "jdbc:\n" + secretLine + "  columns: bi_customers.ssn\n",
                        List.of("jdbc.columns must be a list")),
                Arguments.of("unknown-mask", "jdbc:\n" + secretLine + "  columns:\n" + column + "      mask: scramble\n",
                        List.of("scramble", "bi_customers.ssn")),
                Arguments.of("malformed-partial", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "      mask: 'partial(1,\"X\")'\n", List.of("partial", "bi_customers.ssn")),
                Arguments.of("one-part-column", "jdbc:\n" + secretLine + "  columns:\n    - column: ssn\n      mask: last4\n",
                        List.of("'ssn'", "[schema.]table.column")),
                Arguments.of("four-part-column", "jdbc:\n" + secretLine + "  columns:\n    - column: a.b.c.d\n      mask: last4\n",
                        List.of("'a.b.c.d'", "[schema.]table.column")),
                Arguments.of("empty-part-column", "jdbc:\n" + secretLine + "  columns:\n    - column: customers..ssn\n",
                        List.of("customers..ssn")),
                Arguments.of("no-column", "jdbc:\n" + secretLine + "  columns:\n    - mask: last4\n", List.of("no 'column'")),
                Arguments.of("predicates-maybe", "jdbc:\n" + secretLine + "  columns:\n" + column + "      predicates: maybe\n",
                        List.of("predicates", "maybe")),
                Arguments.of("writes-overwrite", "jdbc:\n" + secretLine + "  columns:\n" + column + "      writes: overwrite\n",
                        List.of("writes", "overwrite", "preserve, write_only, deny, allow", "bi_customers.ssn")),
                Arguments.of("on-unparseable-sometimes", "jdbc:\n" + secretLine + "  on_unparseable: sometimes\n  columns: []\n",
                        List.of("on_unparseable", "sometimes")),
                Arguments.of("on-no-subject-allow", "jdbc:\n" + secretLine + "  on_no_subject: allow\n  columns: []\n",
                        List.of("on_no_subject", "allow")),
                Arguments.of("allow-unwrap-yes-please", "jdbc:\n" + secretLine + "  allow_unwrap: \"yes please\"\n  columns: []\n",
                        List.of("allow_unwrap")),
                Arguments.of("hash-without-secret", "jdbc:\n  columns:\n" + column + "      mask: hash\n",
                        List.of("hash", "secret", "bi_customers.ssn")),
                Arguments.of("hash-secret-too-short", "jdbc:\n  hash_secret: \"TOPSECRET\"\n  columns:\n" + column
                        + "      mask: hash\n", List.of("hash", "16 bytes")),
                Arguments.of("hash-secret-env-unset", "jdbc:\n  hash_secret_env: CLAIMGUARD_TEST_UNSET_VARIABLE_42\n  columns:\n"
                        + column + "      mask: hash\n", List.of("CLAIMGUARD_TEST_UNSET_VARIABLE_42")),
                Arguments.of("two-secrets", "jdbc:\n" + secretLine + "  hash_secret_env: HOME\n  columns: []\n",
                        List.of("hash_secret_env", "hash_secret")),
                Arguments.of("secret-not-a-string", "jdbc:\n  hash_secret: [\"" + SECRET + "\"]\n  columns: []\n",
                        List.of("hash_secret")),
                Arguments.of("bad-requirement", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "      allow: [\"rolez:hr\"]\n", List.of("bi_customers.ssn", "rolez")),
                Arguments.of("catalog-sometimes", "jdbc:\n" + secretLine + "  catalog: sometimes\n  columns: []\n",
                        List.of("jdbc.catalog", "sometimes", "read", "skip")),
                Arguments.of("views-not-a-list", "jdbc:\n" + secretLine + "  columns:\n" + column + "  views: v.ssn\n",
                        List.of("jdbc.views must be a list")),
                Arguments.of("unknown-view-key", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  views:\n    - column: v.ssn\n      from: bi_customers.ssn\n      form: x\n",
                        List.of("jdbc.views[0]", "unknown key 'form'")),
                Arguments.of("view-without-from", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  views:\n    - column: v.ssn\n", List.of("jdbc.views[0] (v.ssn)", "no 'from'")),
                Arguments.of("view-from-unprotected", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  views:\n    - column: v.name\n      from: bi_customers.name\n",
                        List.of("jdbc.views[0] (v.name).from", "bi_customers.name", "not a protected column")),
                Arguments.of("view-one-part", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  views:\n    - column: ssn\n      from: bi_customers.ssn\n", List.of("'ssn'", "[schema.]table.column")),
                Arguments.of("unknown-routine-key", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  routines:\n    - routine: lookup\n      read: [bi_customers.ssn]\n",
                        List.of("jdbc.routines[0]", "unknown key 'read'")),
                Arguments.of("routine-without-reads", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  routines:\n    - routine: lookup\n", List.of("jdbc.routines[0] (lookup)", "no 'reads'", "reads: []")),
                Arguments.of("routine-reads-unknown", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  routines:\n    - routine: lookup\n      reads: [bi_customers.ssn, bi_customer.ssn]\n",
                        List.of("jdbc.routines[0] (lookup).reads", "bi_customer.ssn", "not a protected column")),
                Arguments.of("routine-three-parts", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  routines:\n    - routine: a.b.c\n      reads: []\n", List.of("'a.b.c'", "[schema.]name")),
                Arguments.of("routine-out-list", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  routines:\n    - routine: lookup\n      reads: []\n      out: {p_ssn: [bi_customers.ssn]}\n",
                        List.of("jdbc.routines[0] (lookup).out.p_ssn", "one protected column")),
                Arguments.of("routine-twice", "jdbc:\n" + secretLine + "  columns:\n" + column
                        + "  routines:\n    - routine: lookup\n      reads: []\n    - routine: LOOKUP\n      reads: []\n",
                        List.of("jdbc.routines[1]", "LOOKUP", "once")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigurations")
    void brokenConfiguration_throughDriverManager_failsTheConnection(String name, String yaml, List<String> named)
            throws Exception {
        Path file = write(name + ".yaml", yaml);
        ConfigProperty.set(file.toString());
        for (int attempt = 0; attempt < 2; attempt++) {   // a failed load is not remembered as "allow all"
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(GUARDED_URL));
            assertNamesTheProblem(refused, file, named);
            assertEquals("08001", refused.getSQLState());
            assertInstanceOf(ConfigException.class, refused.getCause());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigurations")
    void brokenConfiguration_throughDataSource_failsTheConstructor(String name, String yaml, List<String> named)
            throws Exception {
        Path file = write(name + ".yaml", yaml);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        ConfigException refused = assertThrows(ConfigException.class, () -> new ClaimGuardDataSource(h2, file.toString()));
        assertNamesTheProblem(refused, file, named);
    }

    private static void assertNamesTheProblem(Exception refused, Path file, List<String> named) {
        String all = messages(refused);
        assertTrue(refused.getMessage().contains(file.getFileName().toString()), "names the file: " + all);
        for (String word : named) {
            assertTrue(refused.getMessage().contains(word), "names '" + word + "': " + all);
        }
        assertFalse(all.contains(SECRET) || all.contains("TOPSECRET"), "never the secret: " + all);
    }

    @Test
    void missingFile_throughDriverManager_andDataSource_namesThePath() {
        Path missing = dir.resolve("no-such-config.yaml");
        ConfigProperty.set(missing.toString());
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(GUARDED_URL));
        assertTrue(refused.getMessage().contains("no-such-config.yaml"), refused.getMessage());
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        ConfigException thrown = assertThrows(ConfigException.class, () -> new ClaimGuardDataSource(h2, missing.toString()));
        assertTrue(thrown.getMessage().contains("no-such-config.yaml"), thrown.getMessage());
        ConfigException onClasspath = assertThrows(ConfigException.class,
                () -> new ClaimGuardDataSource(h2, "classpath:no-such-config.yaml"));
        assertTrue(onClasspath.getMessage().contains("classpath:no-such-config.yaml"), onClasspath.getMessage());
    }

    @Test
    void folderInsteadOfFile_isRefused() {
        ConfigProperty.set(dir.toString());
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(GUARDED_URL));
        assertTrue(refused.getMessage().contains(dir.toString()), refused.getMessage());
    }

    @Test
    void correctedFile_isPickedUp_andMasks() throws Exception {
        Path file = write("corrected.yaml", "jdbc:\n  columns:\n    - column: bi_customers.ssn\n      mask: scramble\n");
        ConfigProperty.set(file.toString());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(GUARDED_URL));
        Files.writeString(file, VALID, StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(GUARDED_URL); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ssn FROM bi_customers")) {
            assertTrue(rs.next());
            assertEquals("*******6789", rs.getString(1), "the corrected policy applies; nothing was allowed in between");
        }
    }

    @Test
    void everyBrokenConfiguration_leavesNoConnectionThatAllowsAll() throws Exception {
        List<String> opened = new ArrayList<>();
        for (Arguments arguments : brokenConfigurations().toList()) {
            String name = (String) arguments.get()[0];
            ConfigProperty.set(write("again-" + name + ".yaml", (String) arguments.get()[1]).toString());
            try (Connection c = DriverManager.getConnection(GUARDED_URL); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ssn FROM bi_customers")) {
                rs.next();
                opened.add(name + " read " + rs.getString(1));
            } catch (SQLException expected) {
                // refused, as it must be
            }
        }
        assertEquals(List.of(), opened, "broken configurations that still gave a connection");
    }
}
