package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.p6spy.engine.wrapper.ConnectionWrapper;
import com.p6spy.engine.wrapper.ResultSetWrapper;
import com.p6spy.engine.wrapper.StatementWrapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcResultSet;
import org.h2.jdbc.JdbcStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClaimGuard under a pool and chained with p6spy, as the README wires them: HikariCP given the
 * ClaimGuard URL and driver class, ClaimGuardDataSource around a HikariDataSource, and p6spy
 * below ({@code jdbc:claimguard:p6spy:...}) or above ({@code jdbc:p6spy:claimguard:...}).
 * p6spy reads src/test/resources/spy.properties: slf4j logging, no spy.log.
 */
class PoolAndSpyTest {
    private static final String H2_URL = "jdbc:h2:mem:cg_poolspy;DB_CLOSE_DELAY=-1";
    private static final String TARGET = H2_URL.substring("jdbc:".length());
    private static final String RAW_SSN = "123-45-6789";
    private static final String MASKED_SSN = "*******6789";
    private static final String POLICY = """
            jdbc:
              columns:
                - column: ps_customers.ssn
                  allow: ["scope:pii.ssn", "role:compliance"]
                  mask: last4
                - column: ps_customers.email
                  allow: ["scope:pii.read"]
                  mask: email
            """;
    private static final String SELECT = "SELECT ssn, email, name, SESSION_ID() FROM ps_customers WHERE id = ?";

    @TempDir
    static Path configDir;
    private static Path policy;
    private static String previousConfig;

    @BeforeAll
    static void createDatabase() throws Exception {
        policy = configDir.resolve("pool.yaml");
        Files.writeString(policy, POLICY, StandardCharsets.UTF_8);
        previousConfig = ConfigProperty.set(policy.toString());
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ps_customers");
            s.execute("CREATE TABLE ps_customers (id INT PRIMARY KEY, name VARCHAR(100), ssn VARCHAR(11), email VARCHAR(100))");
            s.execute("INSERT INTO ps_customers VALUES (1, 'Jane Doe', '" + RAW_SSN + "', 'jane.doe@example.com')");
        }
    }

    @AfterAll
    static void restoreConfig() {
        ConfigProperty.restore(previousConfig);
    }

    /** Reads Jane's row as {@code subject}, checks the view, and returns the H2 session that served it. */
    private static int readAs(Connection c, Subject subject) throws SQLException {
        try (GuardContext.Scope ignored = GuardContext.open(subject); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                boolean officer = subject == Subjects.OFFICER;
                assertEquals(officer ? RAW_SSN : MASKED_SSN, rs.getString("ssn"), "ssn for " + subject);
                assertEquals(officer ? "jane.doe@example.com" : "j***@***.com", rs.getString(2), "email for " + subject);
                assertEquals("Jane Doe", rs.getString("name"));
                return rs.getInt(4);
            }
        }
    }

    /** Agent, officer, agent, officer in turn through a pool of one: one physical connection, each its own view. */
    private static void eachSubjectInTurn_seesItsOwnView(DataSource pool) throws SQLException {
        List<Integer> sessions = new ArrayList<>();
        for (Subject subject : List.of(Subjects.AGENT, Subjects.OFFICER, Subjects.AGENT, Subjects.OFFICER)) {
            try (Connection c = pool.getConnection()) {
                sessions.add(readAs(c, subject));
            }
        }
        assertEquals(1, sessions.stream().distinct().count(), "the pool reused one physical connection: " + sessions);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ssn FROM ps_customers WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals(MASKED_SSN, rs.getString(1), "with no subject the officer's view is not left behind");
        }
    }

    private static void assertUnwrapRefused(Wrapper wrapper, Class<?> raw) throws SQLException {
        SQLException refused = assertThrows(SQLException.class, () -> wrapper.unwrap(raw), "unwrap to " + raw.getName());
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
        assertFalse(wrapper.isWrapperFor(raw), "isWrapperFor " + raw.getName());
    }

    // ---- HikariCP

    @Test
    void hikariWithClaimGuardUrlAndDriverClass_masks_andEachSubjectSeesItsOwnView() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:claimguard:" + TARGET);
        config.setDriverClassName(ClaimGuardDriver.class.getName());
        config.setMaximumPoolSize(1);
        config.setPoolName("cg-pool-driver");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            eachSubjectInTurn_seesItsOwnView(pool);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ssn FROM ps_customers")) {
                assertTrue(c.getClass().getName().startsWith("com.zaxxer.hikari."), c.getClass().getName());
                assertUnwrapRefused(c, JdbcConnection.class);
                assertUnwrapRefused(s, JdbcStatement.class);
                assertUnwrapRefused(rs, JdbcResultSet.class);
                assertTrue(c.unwrap(Connection.class).getClass().getName().startsWith("io.claimguard."),
                        "what Hikari wraps is ClaimGuard's connection");
            }
        }
    }

    @Test
    void claimGuardDataSourceAroundHikari_masks_andEachSubjectSeesItsOwnView() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(H2_URL);
        config.setMaximumPoolSize(1);
        config.setPoolName("cg-pool-wrapped");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource guarded = new ClaimGuardDataSource(pool, policy.toString());
            eachSubjectInTurn_seesItsOwnView(guarded);
            try (Connection c = guarded.getConnection()) {
                assertTrue(c.getClass().getName().startsWith("io.claimguard."), c.getClass().getName());
                assertUnwrapRefused(c, JdbcConnection.class);
                assertUnwrapRefused(c, Class.forName("com.zaxxer.hikari.pool.HikariProxyConnection"));
            }
            assertUnwrapRefused(guarded, HikariDataSource.class);
            assertSame(guarded, guarded.unwrap(DataSource.class));
        }
    }

    // ---- p6spy

    @Test
    void claimGuardOverP6spy_masks_andRefusesUnwrapToP6spyAndH2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:claimguard:p6spy:" + TARGET)) {
            assertTrue(c.getClass().getName().startsWith("io.claimguard."), c.getClass().getName());
            assertTrue(c.toString().contains("com.p6spy."), "p6spy really is below ClaimGuard: " + c);
            readAs(c, Subjects.AGENT);
            readAs(c, Subjects.OFFICER);
            assertUnwrapRefused(c, ConnectionWrapper.class);
            assertUnwrapRefused(c, JdbcConnection.class);
            assertUnwrapRefused(c.getMetaData(), org.h2.jdbc.JdbcDatabaseMetaData.class);
            assertSame(c, c.getMetaData().getConnection());
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ssn FROM ps_customers")) {
                assertTrue(rs.next());
                assertEquals(MASKED_SSN, rs.getString(1));
                assertUnwrapRefused(s, StatementWrapper.class);
                assertUnwrapRefused(s, JdbcStatement.class);
                assertUnwrapRefused(rs, ResultSetWrapper.class);
                assertUnwrapRefused(rs, JdbcResultSet.class);
                assertSame(s, rs.getStatement());
                assertSame(c, s.getConnection());
            }
        }
    }

    @Test
    void p6spyOverClaimGuard_masks_andUnwrapStopsAtClaimGuard() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:p6spy:claimguard:" + TARGET)) {
            assertTrue(c.getClass().getName().startsWith("com.p6spy."), c.getClass().getName());
            readAs(c, Subjects.AGENT);
            readAs(c, Subjects.OFFICER);
            assertUnwrapRefused(c, JdbcConnection.class);
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ssn FROM ps_customers")) {
                assertTrue(rs.next());
                assertEquals(MASKED_SSN, rs.getString("ssn"));
                assertEquals(MASKED_SSN, rs.getObject(1));
                assertUnwrapRefused(rs, JdbcResultSet.class);
            }
        }
    }

    @Test
    void hikariOverP6spyOverClaimGuard_masks() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:p6spy:claimguard:" + TARGET);
        config.setDriverClassName("com.p6spy.engine.spy.P6SpyDriver");
        config.setMaximumPoolSize(1);
        config.setPoolName("cg-pool-spy");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            eachSubjectInTurn_seesItsOwnView(pool);
        }
    }

    @Test
    void p6spy_writesNoLogFileIntoTheModule() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:p6spy:claimguard:" + TARGET)) {
            readAs(c, Subjects.AGENT);
        }
        assertFalse(Files.exists(Path.of("spy.log")), "p6spy must log through slf4j, not into ./spy.log");
    }
}
