package io.claimguard.jdbc;

import static io.claimguard.jdbc.AuditEventsTest.AGENT;
import static io.claimguard.jdbc.AuditEventsTest.ID;
import static io.claimguard.jdbc.AuditEventsTest.OFFICER;
import static io.claimguard.jdbc.AuditEventsTest.SELECT_ROW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.ConfigFile;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's metrics, read from a Micrometer SimpleMeterRegistry after real runs through the driver URL. */
class DriverMetricsTest {
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static String previousConfig;

    @TempDir
    static Path configDir;

    @BeforeAll
    static void bind() throws Exception {
        AuditEventsTest.createTables();
        previousConfig = System.getProperty(ConfigFile.PROPERTY);
        Path file = configDir.resolve("metrics.yaml");
        Files.writeString(file, AuditEventsTest.POLICY.formatted(60), StandardCharsets.UTF_8);
        ConfigProperty.set(file.toString());
        new JdbcMetrics().bindTo(REGISTRY);   // before this policy's first connection
    }

    @AfterAll
    static void unbind() {
        DriverMeters.use(null);
        ConfigProperty.restore(previousConfig);
    }

    private static double count(String name, String... tags) {
        Counter counter = REGISTRY.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int readAll(Connection c, Subject subject, String sql) throws SQLException {
        int rows = 0;
        try (GuardContext.Scope ignored = GuardContext.open(subject); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    @Test
    void decisionsDenialsCellsAndAnalyses_areCounted() throws Exception {
        try (Connection c = DriverManager.getConnection(AuditEventsTest.URL)) {
            try (GuardContext.Scope ignored = GuardContext.open(AGENT)) {
                for (int i = 0; i < 3; i++) {
                    try (PreparedStatement s = c.prepareStatement(SELECT_ROW)) {
                        s.setInt(1, ID);
                        try (ResultSet rs = s.executeQuery()) {
                            assertTrue(rs.next());
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    assertThrows(SQLException.class, () -> s.executeQuery("SELECT id FROM au_customers ORDER BY ssn"));
                }
            }
            int rows = readAll(c, AGENT, "SELECT ssn FROM au_customers");
            readAll(c, OFFICER, "SELECT ssn FROM au_customers");

            assertEquals(4, count("claimguard.jdbc.decisions", "outcome", "mask", "mode", "enforce"));
            assertEquals(1, count("claimguard.jdbc.decisions", "outcome", "allow"));
            assertEquals(1, count("claimguard.jdbc.decisions", "outcome", "deny"));
            assertEquals(1, count("claimguard.jdbc.denials", "reason", "predicate", "column", "au_customers.ssn"));
            assertEquals(3 + rows, count("claimguard.jdbc.masked.cells", "column", "au_customers.ssn", "mask", "mask"));
            assertEquals(3, count("claimguard.jdbc.masked.cells", "column", "au_customers.email", "mask", "mask"));
            assertEquals(3, count("claimguard.jdbc.masked.cells", "column", "au_customers.notes", "mask", "null"));
            assertEquals(3, count("claimguard.jdbc.analyses", "cache", "miss"), "three distinct texts");
            assertEquals(3, count("claimguard.jdbc.analyses", "cache", "hit"), "the prepared text twice more, the scan once more");
            assertEquals(3, REGISTRY.find("claimguard.jdbc.analysis.duration").timer().count());
        }
    }

    /**
     * DDL makes the driver read the views and routines again; a read that finds no new rule keeps
     * the analyses, so an application that drops a scratch table per request is not re-parsed.
     */
    @Test
    void ddlThatDerivesNoNewRule_keepsTheAnalysisCache() throws Exception {
        String sql = "SELECT email FROM au_customers WHERE id = 1";
        try (Connection c = DriverManager.getConnection(AuditEventsTest.URL); Statement ddl = c.createStatement()) {
            readAll(c, OFFICER, sql);
            double misses = count("claimguard.jdbc.analyses", "cache", "miss");
            try (GuardContext.Scope ignored = GuardContext.open(OFFICER)) {
                ddl.execute("CREATE TABLE au_scratch (x INT)");
                ddl.execute("DROP TABLE au_scratch");
            }
            readAll(c, OFFICER, sql);
            assertEquals(misses + 2, count("claimguard.jdbc.analyses", "cache", "miss"), "only the two DDL texts are new");
            try (GuardContext.Scope ignored = GuardContext.open(OFFICER)) {
                ddl.execute("CREATE VIEW au_mails AS SELECT id, email FROM au_customers");
                ddl.execute("DROP VIEW au_mails");
            }
            readAll(c, OFFICER, sql);
            assertEquals(misses + 5, count("claimguard.jdbc.analyses", "cache", "miss"),
                    "a view over a protected column adds rules: everything is analysed again");
        }
    }
}
