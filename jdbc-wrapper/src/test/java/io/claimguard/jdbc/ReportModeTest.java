package io.claimguard.jdbc;

import static io.claimguard.jdbc.AuditEventsTest.AGENT;
import static io.claimguard.jdbc.AuditEventsTest.EMAIL;
import static io.claimguard.jdbc.AuditEventsTest.ID;
import static io.claimguard.jdbc.AuditEventsTest.NOTES;
import static io.claimguard.jdbc.AuditEventsTest.SSN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.GuardContext;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdbc.mode: report}: every check runs and every event is written, marked as what would
 * have happened, while the caller gets the real values and refused statements run. A column with
 * its own {@code mode: enforce} is still masked. Through the driver URL, events read back as JSON.
 */
class ReportModeTest {
    private static final String POLICY = """
            audit:
              repeat_window_seconds: 0
            jdbc:
              mode: report
              on_no_subject: deny
              columns:
                - column: au_customers.ssn
                  allow: ["scope:pii.ssn"]
                  mask: last4
                  predicates: deny
                - column: au_customers.email
                  allow: ["scope:pii.read"]
                  mask: email
                  mode: enforce
                - column: au_customers.notes
                  allow: ["scope:pii.read"]
                  writes: deny
            """;

    @TempDir
    static Path configDir;
    private static String previousConfig;
    private static Path policy;
    private AuditLog audit;
    private Connection connection;

    @BeforeAll
    static void useReportPolicy() throws Exception {
        AuditEventsTest.createTables();
        previousConfig = System.getProperty(ConfigFile.PROPERTY);
        policy = configDir.resolve("report.yaml");
        Files.writeString(policy, POLICY, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void restore() {
        ConfigProperty.restore(previousConfig);
    }

    @BeforeEach
    void open() throws SQLException {
        ConfigProperty.set(policy.toString());
        audit = new AuditLog();
        connection = DriverManager.getConnection(AuditEventsTest.URL);
        connection.setAutoCommit(false);   // writes are rolled back after each test
        audit.take();
    }

    @AfterEach
    void close() throws SQLException {
        connection.rollback();
        connection.close();
        String written = audit.text();
        audit.close();
        for (String secret : List.of(SSN, "6789", EMAIL, NOTES, "Jane", "999-99", "scribbled", String.valueOf(ID))) {
            assertFalse(written.contains(secret), "the audit log carries " + secret + ": " + written);
        }
    }

    @Test
    void loadingAConfigurationWithReportMode_warnsOnce() throws Exception {
        Path oneColumn = configDir.resolve("one-column-report.yaml");
        Files.writeString(oneColumn, POLICY.replace("  mode: report\n", "").replace("writes: deny", "writes: deny\n      mode: report"),
                StandardCharsets.UTF_8);
        ConfigProperty.set(oneColumn.toString());
        for (int i = 0; i < 3; i++) {
            DriverManager.getConnection(AuditEventsTest.URL).close();
        }
        List<JsonNode> announced = audit.takeConfig();
        assertEquals(List.of("INFO", "WARN"), announced.stream().map(e -> e.get("level").asText()).toList(),
                "how work outside requests is treated, then the warning, once each");
        JsonNode warning = announced.get(1);
        assertEquals("config", warning.get("kind").asText());
        assertEquals("report", warning.get("mode").asText());
        assertEquals(List.of("au_customers.notes"), AuditLog.texts(warning.get("columns")));
        assertTrue(warning.get("message").asText().contains("REPORT mode for 1 column"), warning.toString());
    }

    @Test
    void read_returnsRealValues_andRecordsWhatWouldHaveBeenMasked() throws Exception {
        try (GuardContext.Scope ignored = GuardContext.open(AGENT);
             PreparedStatement s = connection.prepareStatement(AuditEventsTest.SELECT_ROW)) {
            s.setInt(1, ID);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(SSN, rs.getString("ssn"), "report mode: the real value");
                assertEquals(NOTES, rs.getString("notes"));
                assertEquals("j***@***.com", rs.getString("email"), "mode: enforce on the column still masks");
            }
        }
        JsonNode event = audit.one();
        assertEquals("mask", event.get("outcome").asText(), "something was masked for real");
        assertEquals("report", event.get("mode").asText());
        assertEquals(List.of("au_customers.email"), AuditLog.texts(event.get("masked")));
        assertEquals(List.of("au_customers.ssn"), AuditLog.texts(event.get("would_mask")));
        assertEquals(List.of("au_customers.notes"), AuditLog.texts(event.get("would_null")));
    }

    @Test
    void deniedStatements_run_andAreRecordedAsWouldDeny() throws Exception {
        try (GuardContext.Scope ignored = GuardContext.open(AGENT); Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name, ssn FROM au_customers WHERE ssn = '" + SSN + "'")) {
                assertTrue(rs.next(), "a predicate on ssn runs");
                assertEquals(SSN, rs.getString(2));
            }
            JsonNode predicate = audit.one();
            assertEquals("would_deny", predicate.get("outcome").asText());
            assertEquals("report", predicate.get("mode").asText());
            assertEquals("predicate", predicate.get("reason").asText());
            assertEquals("au_customers.ssn", predicate.get("column").asText());
            assertEquals(List.of("au_customers.ssn"), AuditLog.texts(predicate.get("would_mask")));

            assertEquals(1, s.executeUpdate("INSERT INTO au_copy SELECT id, ssn FROM au_customers WHERE id = " + ID));
            JsonNode copy = audit.one();
            assertEquals("would_deny", copy.get("outcome").asText());
            assertEquals("copy_out", copy.get("reason").asText());
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT ssn FROM au_customers WHERE id = 1")) {
            assertTrue(rs.next(), "no subject, on_no_subject: deny, report mode: runs");
        }
        JsonNode noSubject = audit.one();
        assertEquals("would_deny", noSubject.get("outcome").asText());
        assertEquals("no_subject", noSubject.get("reason").asText());
        assertFalse(noSubject.has("sub"));
    }

    @Test
    void writes_goThrough_andAreRecordedAsTheyWouldHaveBeenJudged() throws Exception {
        try (GuardContext.Scope ignored = GuardContext.open(AGENT)) {
            try (PreparedStatement s = connection.prepareStatement("UPDATE au_customers SET notes = ? WHERE id = ?")) {
                s.setString(1, "scribbled");
                s.setInt(2, ID);
                assertEquals(1, s.executeUpdate(), "writes: deny, report mode: written");
            }
            JsonNode denied = audit.one();
            assertEquals("would_deny", denied.get("outcome").asText());
            assertEquals("write_denied", denied.get("reason").asText());
            assertEquals("au_customers.notes", denied.get("column").asText());

            try (PreparedStatement s = connection.prepareStatement("UPDATE au_customers SET ssn = ? WHERE id = ?")) {
                s.setString(1, SSN);   // what this subject was shown: the real value
                s.setInt(2, ID);
                assertEquals(1, s.executeUpdate());
                JsonNode kept = audit.one();
                assertEquals("would_preserve", kept.get("outcome").asText());
                assertEquals(List.of("au_customers.ssn"), AuditLog.texts(kept.get("would_preserve")));

                s.setString(1, "999-99-9999");
                assertEquals(1, s.executeUpdate(), "a changed value goes through in report mode");
                JsonNode changed = audit.one();
                assertEquals("would_deny", changed.get("outcome").asText());
                assertEquals("write_changed", changed.get("reason").asText());
            }
        }
        try (Statement s = connection.createStatement(); GuardContext.Scope ignored = GuardContext.open(AuditEventsTest.OFFICER);
             ResultSet rs = s.executeQuery("SELECT ssn, notes FROM au_customers WHERE id = " + ID)) {
            assertTrue(rs.next());
            assertEquals("999-99-9999", rs.getString(1), "the write landed");
            assertEquals("scribbled", rs.getString(2));
        }
    }
}
