package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.ConfigFile;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit events of real statement runs through the driver URL: each decision kind writes exactly one
 * event on {@code claimguard.audit} with the right fields, through a Logback appender with a JSON
 * encoder, and nothing secret (no value, bind value, SQL literal or token) ever reaches it.
 */
class AuditEventsTest {
    static final String URL = "jdbc:claimguard:h2:mem:cg_audit;DB_CLOSE_DELAY=-1";
    static final int ID = 424_242;
    static final String SSN = "123-45-6789";
    static final String EMAIL = "jane.doe@example.com";
    static final String NOTES = "likes-cats-and-jazz";
    static final String SELECT_ROW = "SELECT id, name, ssn, email, notes FROM au_customers WHERE id = ?";
    static final String TOKEN_ID = "tok-7f3a9";
    /** No access to any protected column. */
    static final Subject AGENT = Subject.fromClaims(Map.of("iss", "https://id.example.com/", "sub", "agent-7",
            "jti", TOKEN_ID, "roles", List.of("support")));
    static final Subject OFFICER = Subject.fromClaims(Map.of("iss", "https://id.example.com/", "sub", "officer-1",
            "jti", "tok-officer", "scope", "pii.ssn pii.read"));
    static final String POLICY = """
            audit:
              repeat_window_seconds: %d
            jdbc:
              columns:
                - column: au_customers.ssn
                  allow: ["scope:pii.ssn"]
                  mask: last4
                  predicates: deny
                - column: au_customers.email
                  allow: ["scope:pii.read"]
                  mask: email
                - column: au_customers.notes
                  allow: ["scope:pii.read"]
                  writes: deny
            """;

    @TempDir
    static Path configDir;
    private static String previousConfig;
    private AuditLog audit;

    @BeforeAll
    static void createTables() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:cg_audit;DB_CLOSE_DELAY=-1");
             Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE au_customers (id INT PRIMARY KEY, name VARCHAR(100), ssn VARCHAR(11),"
                    + " email VARCHAR(100), notes VARCHAR(200))");
            s.execute("INSERT INTO au_customers VALUES (" + ID + ", 'Jane Doe', '" + SSN + "', '" + EMAIL + "', '" + NOTES + "')");
            s.execute("INSERT INTO au_customers SELECT x, 'n', '000-00-0000', 'e@x.org', 'n' FROM SYSTEM_RANGE(1, 50)");
            s.execute("CREATE TABLE au_orders (id INT PRIMARY KEY, total DECIMAL(12,2))");
            s.execute("INSERT INTO au_orders VALUES (1, 19.99)");
            s.execute("CREATE TABLE au_copy (id INT, v VARCHAR(100))");
        }
        previousConfig = System.getProperty(ConfigFile.PROPERTY);
    }

    @AfterAll
    static void restoreConfig() {
        ConfigProperty.restore(previousConfig);
    }

    /** Uses a policy whose audit section counts repeats for {@code windowSeconds} (0: writes every event). */
    static void usePolicy(int windowSeconds) throws Exception {
        Path file = configDir.resolve("audit-" + windowSeconds + ".yaml");
        Files.writeString(file, POLICY.formatted(windowSeconds), StandardCharsets.UTF_8);
        ConfigProperty.set(file.toString());
    }

    @BeforeEach
    void capture() throws Exception {
        usePolicy(0);
        audit = new AuditLog();
    }

    @AfterEach
    void nothingSecret() {
        String written = audit.text();
        audit.close();
        for (String secret : List.of(SSN, "6789", EMAIL, "j***", NOTES, "Jane", String.valueOf(ID), "999-99",
                "overwritten", "eyJ", "'")) {
            assertFalse(written.contains(secret), "the audit log carries " + secret + ": " + written);
        }
    }

    private static void readRow(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ROW)) {
            s.setInt(1, ID);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                for (int i = 1; i <= 5; i++) {
                    rs.getString(i);
                }
            }
        }
    }

    @Test
    void maskedRead_oneEvent_namingTheMaskedAndNulledColumns_andTheSubject() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT)) {
            readRow(c);
        }
        JsonNode event = audit.one();
        assertEquals("claimguard.audit", event.get("logger_name").asText());
        assertEquals("INFO", event.get("level").asText());
        assertEquals("jdbc", event.get("kind").asText());
        assertEquals("mask", event.get("outcome").asText());
        assertEquals(List.of("au_customers.ssn", "au_customers.email"), AuditLog.texts(event.get("masked")));
        assertEquals(List.of("au_customers.notes"), AuditLog.texts(event.get("nulled")));
        assertEquals("https://id.example.com/", event.get("iss").asText());
        assertEquals("agent-7", event.get("sub").asText());
        assertEquals(TOKEN_ID, event.get("jti").asText());
        assertTrue(event.get("fingerprint").asText().matches("[0-9a-f]{16}"), event.toString());
        assertFalse(event.has("preserved") || event.has("reason") || event.has("repeats"), event.toString());
    }

    @Test
    void authorisedRead_oneAllowEvent() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(OFFICER)) {
            readRow(c);
        }
        JsonNode event = audit.one();
        assertEquals("allow", event.get("outcome").asText());
        assertEquals("officer-1", event.get("sub").asText());
        assertFalse(event.has("masked") || event.has("nulled"), event.toString());
    }

    @Test
    void plainStatement_withLiterals_hasThePreparedStatementsFingerprint() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT)) {
            readRow(c);
            String prepared = audit.one().get("fingerprint").asText();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(SELECT_ROW.replace("?", String.valueOf(ID)))) {
                assertTrue(rs.next());
            }
            assertEquals(prepared, audit.one().get("fingerprint").asText());
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, ssn FROM au_customers WHERE id = " + ID)) {
                assertTrue(rs.next());
            }
            assertNotEquals(prepared, audit.one().get("fingerprint").asText(), "another statement shape");
        }
    }

    @Test
    void oneEventPerRun_howeverManyRowsAndReads() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT ssn, email FROM au_customers")) {
                while (rs.next()) {
                    rs.getString(1);
                    rs.getObject(2);
                }
            }
            assertEquals("mask", audit.one().get("outcome").asText());
            assertTrue(s.execute("SELECT ssn FROM au_customers WHERE id < 3"));
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
            }
            assertFalse(s.getMoreResults());
            assertEquals(1, audit.take().size(), "execute, getResultSet and getMoreResults: one run");
        }
    }

    @Test
    void aStatementRunAgain_writesAnEventPerRun_forTheSubjectOfEachRun() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); PreparedStatement s = c.prepareStatement(SELECT_ROW)) {
            s.setInt(1, ID);
            for (Subject subject : List.of(AGENT, AGENT, OFFICER, AGENT)) {
                try (GuardContext.Scope ignored = GuardContext.open(subject); ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                }
            }
        }
        assertEquals(List.of("agent-7 mask", "agent-7 mask", "officer-1 allow", "agent-7 mask"),
                audit.take().stream().map(e -> e.get("sub").asText() + " " + e.get("outcome").asText()).toList());
    }

    @Test
    void unprotectedStatements_writeNoEvent() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, total FROM au_orders")) {
            assertTrue(rs.next());
            assertEquals(0, s.executeUpdate("UPDATE au_orders SET total = total WHERE id = 2"));
        }
        assertEquals(List.of(), audit.take());
    }

    @Test
    void predicateDenial_oneDenyEvent_withReasonAndColumn_neverTheLiteral() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT);
             Statement s = c.createStatement()) {
            SQLException denied = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT name FROM au_customers WHERE ssn = '" + SSN + "'"));
            assertEquals("42501", denied.getSQLState());
        }
        JsonNode event = audit.one();
        assertEquals("deny", event.get("outcome").asText());
        assertEquals("predicate", event.get("reason").asText());
        assertEquals("au_customers.ssn", event.get("column").asText());
        assertEquals("agent-7", event.get("sub").asText());
    }

    @Test
    void copyOutDenial_oneDenyEvent() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT);
             Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO au_copy SELECT id, email FROM au_customers"));
        }
        JsonNode event = audit.one();
        assertEquals("deny", event.get("outcome").asText());
        assertEquals("copy_out", event.get("reason").asText());
        assertEquals("au_customers.email", event.get("column").asText());
    }

    @Test
    void writeBackOfWhatWasShown_onePreserveEvent() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT)) {
            c.setAutoCommit(false);
            String shownSsn;
            try (PreparedStatement s = c.prepareStatement("SELECT ssn FROM au_customers WHERE id = ?")) {
                s.setInt(1, ID);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    shownSsn = rs.getString(1);
                }
            }
            audit.take();
            try (PreparedStatement save = c.prepareStatement("UPDATE au_customers SET name = ?, ssn = ? WHERE id = ?")) {
                save.setString(1, "Jane Q. Doe");
                save.setString(2, shownSsn);
                save.setInt(3, ID);
                assertEquals(1, save.executeUpdate());
            }
            JsonNode event = audit.one();
            assertEquals("preserve", event.get("outcome").asText());
            assertEquals(List.of("au_customers.ssn"), AuditLog.texts(event.get("preserved")));

            try (PreparedStatement change = c.prepareStatement("UPDATE au_customers SET ssn = ? WHERE id = ?")) {
                change.setString(1, "999-99-9999");
                change.setInt(2, ID);
                assertThrows(SQLException.class, change::executeUpdate);
            }
            JsonNode refused = audit.one();
            assertEquals("deny", refused.get("outcome").asText());
            assertEquals("write_changed", refused.get("reason").asText());
            assertFalse(audit.text().contains("999-99"), "no bind value");
            c.rollback();
        }
    }

    @Test
    void writeToADenyColumn_oneDenyEvent() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); GuardContext.Scope ignored = GuardContext.open(AGENT);
             PreparedStatement s = c.prepareStatement("UPDATE au_customers SET notes = ? WHERE id = ?")) {
            s.setString(1, "overwritten");
            s.setInt(2, ID);
            assertThrows(SQLException.class, s::executeUpdate);
        }
        JsonNode event = audit.one();
        assertEquals("write_denied", event.get("reason").asText());
        assertEquals("au_customers.notes", event.get("column").asText());
        assertFalse(audit.text().contains("overwritten"));
    }

    @Test
    void repeatsWithinTheWindow_areCounted_notWritten() throws Exception {
        usePolicy(3600);
        try (Connection c = DriverManager.getConnection(URL)) {
            try (GuardContext.Scope ignored = GuardContext.open(AGENT)) {
                for (int i = 0; i < 20; i++) {
                    readRow(c);
                }
            }
            assertEquals(1, audit.take().size(), "twenty identical runs, one event");
            try (GuardContext.Scope ignored = GuardContext.open(OFFICER)) {
                readRow(c);
                readRow(c);
            }
            try (GuardContext.Scope ignored = GuardContext.open(AGENT); Statement s = c.createStatement()) {
                for (int i = 0; i < 3; i++) {
                    assertThrows(SQLException.class, () -> s.executeQuery("SELECT name FROM au_customers ORDER BY ssn"));
                }
            }
            List<JsonNode> events = audit.take();
            assertEquals(List.of("allow", "deny"), events.stream().map(e -> e.get("outcome").asText()).toList(),
                    "another subject, another outcome: an event each, once");
        }
    }
}
