package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.ReadPaths.Outcome;
import io.claimguard.jdbc.ReadPaths.ReadPath;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Routine calls, whose bodies no analysis can see. H2 2.x runs Java functions registered with
 * {@code CREATE ALIAS ... FOR "class.method"}; they can read any table through the connection H2
 * passes them. H2 has no true OUT or INOUT parameters: the only OUT parameter it supports is the
 * return value of {@code {? = call f(?)}} (also readable by the name H2 gives its result column),
 * and {@code {call f(?)}} or {@code CALL f(?)} return the value as a one-row result set.
 *
 * <p>Under {@code on_unparseable: deny} (the default, used through DriverManager here) a call by
 * anyone lacking access to some protected column is refused with 42501; under {@code mask}
 * (through ClaimGuardDataSource) it runs, and its OUT parameter and result read as NULL. The
 * call's audit event names what its OUT value may hold and was read as NULL, or in report mode
 * would have been.
 */
class CallableStatementTest {
    private static final String H2_URL = "jdbc:h2:mem:cg_callable;DB_CLOSE_DELAY=-1";
    private static final String GUARDED_URL = "jdbc:claimguard:" + H2_URL.substring("jdbc:".length());
    private static final String RAW_SSN = "123-45-6789";
    private static final String POLICY = """
            jdbc:
              %s
              hash_secret: "callable-test-secret-0123456789ab"
              columns:
                - column: cs_customers.ssn
                  allow: ["scope:pii.ssn", "role:compliance"]
                  mask: last4
                  predicates: deny
                - column: cs_customers.email
                  allow: ["scope:pii.read"]
                  mask: email
                - column: cs_customers.salary
                  allow: ["role:hr"]
                  mask: default
                - column: cs_customers.level
                  allow: ["role:hr"]
                  mask: null
            """;
    /** May see the SSN but not the salary: still lacks access to something a routine may read. */
    private static final Subject COMPLIANCE = Subject.fromClaims(Map.of("sub", "compliance-1", "roles", List.of("compliance")));

    @TempDir
    static Path configDir;
    private static String previousConfig;
    private static DataSource masking;
    /** {@code on_unparseable: mask} by mode, every audit event written, for the driver URL. */
    private static final Map<Mode, Path> AUDITED = new EnumMap<>(Mode.class);

    /** The routines the database runs; their bodies read protected columns out of sight. */
    public static final class Routines {
        private Routines() {
        }

        public static String ssnOf(Connection connection, int id) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("SELECT ssn FROM cs_customers WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        public static int levelOf(Connection connection, int id) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("SELECT level FROM cs_customers WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
        }
    }

    @BeforeAll
    static void createDatabase() throws Exception {
        Path deny = configDir.resolve("callable-deny.yaml");
        Files.writeString(deny, POLICY.formatted("# on_unparseable: deny is the default"), StandardCharsets.UTF_8);
        Path mask = configDir.resolve("callable-mask.yaml");
        Files.writeString(mask, POLICY.formatted("on_unparseable: mask"), StandardCharsets.UTF_8);
        for (Mode mode : Mode.values()) {
            Path audited = configDir.resolve("callable-mask-" + mode.code() + ".yaml");
            Files.writeString(audited, "audit:\n  repeat_window_seconds: 0\n"
                    + POLICY.formatted("on_unparseable: mask\n  mode: " + mode.code()), StandardCharsets.UTF_8);
            AUDITED.put(mode, audited);
        }
        previousConfig = ConfigProperty.set(deny.toString());
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        masking = new ClaimGuardDataSource(h2, mask.toString());
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS cs_customers");
            s.execute("CREATE TABLE cs_customers (id INT PRIMARY KEY, name VARCHAR(100), ssn VARCHAR(11),"
                    + " email VARCHAR(100), salary DECIMAL(12,2), level INT)");
            s.execute("INSERT INTO cs_customers VALUES (1, 'Jane Doe', '" + RAW_SSN + "', 'jane@example.com', 85000.50, 3)");
            String routines = Routines.class.getName();
            s.execute("CREATE ALIAS IF NOT EXISTS CS_SSN_OF FOR \"" + routines + ".ssnOf\"");
            s.execute("CREATE ALIAS IF NOT EXISTS CS_LEVEL_OF FOR \"" + routines + ".levelOf\"");
        }
    }

    @AfterAll
    static void restoreConfig() {
        ConfigProperty.restore(previousConfig);
    }

    private static Connection denying() throws SQLException {
        return DriverManager.getConnection(GUARDED_URL);
    }

    private static void assertRefused(Executable call, String what) {
        SQLException refused = assertThrows(SQLException.class, call, what + " must be refused");
        assertEquals("42501", refused.getSQLState(), what + ": " + refused.getMessage());
        assertTrue(refused.getMessage().contains("cs_customers."), "the message names a column: " + refused.getMessage());
        assertFalse(refused.getMessage().contains(RAW_SSN), "the message carries no value");
    }

    // ---- on_unparseable: deny

    @Test
    void escapedCall_subjectLackingAccess_isRefused() throws Exception {
        for (Subject subject : new Subject[] {Subjects.AGENT, COMPLIANCE, null}) {
            try (Connection c = denying(); AutoCloseable ignored = subject == null ? () -> { } : GuardContext.open(subject);
                 CallableStatement cs = c.prepareCall("{? = call CS_SSN_OF(?)}");
                 CallableStatement query = c.prepareCall("{call CS_SSN_OF(?)}");
                 Statement s = c.createStatement()) {
                cs.registerOutParameter(1, Types.VARCHAR);
                cs.setInt(2, 1);
                String who = subject == null ? "no subject" : subject.toString();
                assertRefused(cs::execute, "{? = call} for " + who);
                assertRefused(cs::executeUpdate, "{? = call} executeUpdate for " + who);
                assertNull(cs.getString(1), "nothing ran, so there is no OUT value to read");
                query.setInt(1, 1);
                assertRefused(query::executeQuery, "{call} for " + who);
                assertRefused(() -> s.executeQuery("{call CS_SSN_OF(1)}"), "{call} through a plain statement for " + who);
            }
        }
    }

    @Test
    void escapedCall_refused_isRefusedAgainOnEveryRun() throws Exception {
        try (Connection c = denying(); CallableStatement cs = c.prepareCall("{? = call CS_SSN_OF(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setInt(2, 1);
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER)) {
                cs.execute();
                assertEquals(RAW_SSN, cs.getString(1));
            }
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT)) {
                assertRefused(cs::execute, "the same statement run again by an agent");
                assertNull(cs.getString(1), "the officer's OUT value is not left for the agent");
            }
        }
    }

    @Test
    void escapedCall_officer_readsEveryOutPathAsTheRawDriverDoes() throws Exception {
        for (String routine : List.of("CS_SSN_OF", "CS_LEVEL_OF")) {
            int type = routine.equals("CS_SSN_OF") ? Types.VARCHAR : Types.INTEGER;
            for (ReadPath path : ReadPaths.of(CallableStatement.class)) {
                try (Connection raw = DriverManager.getConnection(H2_URL);
                     CallableStatement expected = raw.prepareCall("{? = call " + routine + "(?)}");
                     Connection c = denying(); GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER);
                     CallableStatement actual = c.prepareCall("{? = call " + routine + "(?)}")) {
                    for (CallableStatement cs : List.of(expected, actual)) {
                        cs.registerOutParameter(1, type);
                        cs.setInt(2, 1);
                        cs.execute();
                    }
                    String name = expected.getMetaData().getColumnLabel(1);
                    assertEquals(path.read(expected, 1, name).comparable(), path.read(actual, 1, name).comparable(),
                            path + " on " + routine);
                }
            }
        }
    }

    /**
     * A routine call without the JDBC escape is still a routine call: its body reads the SSN where
     * no analysis can see it, so it must be refused too (or masked, under on_unparseable: mask).
     */
    @ParameterizedTest
    @ValueSource(strings = {"CALL CS_SSN_OF(1)", "call cs_ssn_of(1)", "  /* routine */ CALL CS_SSN_OF(1)",
        "-- routine\nCALL CS_SSN_OF(1)"})
    void plainCall_agent_isRefused(String sql) throws Exception {
        try (Connection c = denying(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); CallableStatement cs = c.prepareCall(sql)) {
            assertRefused(() -> s.executeQuery(sql), sql + " through a plain statement");
            assertRefused(cs::executeQuery, sql + " through prepareCall");
        }
        try (Connection c = denying(); GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals(RAW_SSN, rs.getString(1), "an officer may call it");
        }
    }

    @Test
    void callsOfNoRoutine_stillRun() throws Exception {
        try (Connection c = denying(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM cs_customers WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("Jane Doe", rs.getString(1));
        }
    }

    // ---- on_unparseable: mask

    @Test
    void escapedCall_underMask_agent_everyOutPathReadsNull() throws Exception {
        for (String routine : List.of("CS_SSN_OF", "CS_LEVEL_OF")) {
            try (Connection c = masking.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
                 CallableStatement cs = c.prepareCall("{? = call " + routine + "(?)}")) {
                cs.registerOutParameter(1, routine.equals("CS_SSN_OF") ? Types.VARCHAR : Types.INTEGER);
                cs.setInt(2, 1);
                cs.execute();   // runs: the masking is on what it returns
                String name = cs.getMetaData().getColumnLabel(1);
                for (ReadPath path : ReadPaths.of(CallableStatement.class)) {
                    Outcome outcome = path.read(cs, 1, name);
                    assertTrue(outcome.isNullOrZero(), path + " on " + routine + " gave " + outcome);
                    assertTrue(outcome.wasNull(), path + " on " + routine + ": wasNull()");
                }
            }
        }
    }

    @Test
    void escapedCall_underMask_resultSet_neverShowsTheRawValue() throws Exception {
        try (Connection c = masking.getConnection(); GuardContext.Scope ignored = GuardContext.open(COMPLIANCE);
             CallableStatement cs = c.prepareCall("{call CS_SSN_OF(?)}")) {
            cs.setInt(1, 1);
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertNoRawValueOnAnyPath(rs);
            }
            assertTrue(cs.execute());
            ResultSet again = cs.getResultSet();
            assertTrue(again.getClass().getName().startsWith("io.claimguard."), again.getClass().getName());
            assertTrue(again.next());
            assertNull(again.getString(1), "NULL: the policy has a NULL mask among the columns a routine may read");
            assertTrue(again.wasNull());
        }
    }

    @Test
    void escapedCall_underMask_officer_seesTheValue() throws Exception {
        try (Connection c = masking.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER);
             CallableStatement cs = c.prepareCall("{? = call CS_SSN_OF(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setInt(2, 1);
            cs.execute();
            assertEquals(RAW_SSN, cs.getString(1));
            assertFalse(cs.wasNull());
        }
    }

    @Test
    void plainCall_underMask_agent_resultIsMasked() throws Exception {
        try (Connection c = masking.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL CS_SSN_OF(1)")) {
            assertTrue(rs.next());
            assertNoRawValueOnAnyPath(rs);
        }
    }

    // ---- audit events

    @ParameterizedTest
    @EnumSource(Mode.class)
    void escapedCall_underMask_agent_eventNamesWhatTheOutValueMayHold(Mode mode) throws Exception {
        try (AuditLog audit = new AuditLog(); Connection c = ConfigProperty.connect(GUARDED_URL, AUDITED.get(mode).toString());
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             CallableStatement cs = c.prepareCall("{? = call CS_SSN_OF(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setInt(2, 1);
            audit.take();
            cs.execute();
            assertEquals(mode == Mode.REPORT ? RAW_SSN : null, cs.getString(1));

            // the event of the run, written when its OUT value is read: every column the routine may read, by name
            JsonNode event = audit.one();
            assertEquals(mode == Mode.REPORT ? "would_mask" : "mask", event.get("outcome").asText(), event.toString());
            assertEquals(mode.code(), event.get("mode").asText());
            List<String> nulled = AuditLog.texts(event.get(mode == Mode.REPORT ? "would_null" : "nulled"));
            assertEquals(List.of("cs_customers.email", "cs_customers.level", "cs_customers.salary", "cs_customers.ssn"),
                    nulled, event.toString());
            assertFalse(event.has(mode == Mode.REPORT ? "nulled" : "would_null"), event.toString());
            String written = event.toString();   // the run's only line (the config line names a random temp folder)
            assertFalse(written.contains(RAW_SSN) || written.contains("6789"), written);
        }
    }

    @Test
    void escapedCall_whoseOutputIsNeverRead_writesItsEventWhenClosed() throws Exception {
        try (AuditLog audit = new AuditLog();
             Connection c = ConfigProperty.connect(GUARDED_URL, AUDITED.get(Mode.ENFORCE).toString());
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT)) {
            CallableStatement cs = c.prepareCall("{? = call CS_SSN_OF(?)}");
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setInt(2, 1);
            audit.take();
            cs.execute();
            assertEquals(List.of(), audit.take(), "H2 answers a call with a result, whose event waits for it to be read");

            cs.close();

            assertEquals("mask", audit.one().get("outcome").asText());
        }
    }

    private static void assertNoRawValueOnAnyPath(ResultSet rs) throws SQLException {
        String label = rs.getMetaData().getColumnLabel(1);
        for (ReadPath path : ReadPaths.of(ResultSet.class)) {
            Outcome outcome = path.read(rs, 1, label);
            if (outcome.error() != null) {
                assertInstanceOf(SQLException.class, outcome.error(), path.toString());
            }
            for (String shown : outcome.everythingShown()) {
                assertFalse(shown.contains(RAW_SSN) || shown.contains("45-67"), path + " showed " + outcome);
            }
        }
    }
}
