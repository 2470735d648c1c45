package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four {@code writes} settings, on H2, through SQL and through an updatable result set: one
 * column per setting, none of which the clerk may see.
 */
class WriteSettingsTest {
    private static final String H2_URL = "jdbc:h2:mem:write_settings;DB_CLOSE_DELAY=-1";
    private static final String POLICY = """
            jdbc:
              columns:
                - column: ws_people.phone
                  allow: ["role:hr"]
                  mask: last4
                - column: ws_people.ssn
                  allow: ["role:hr"]
                  mask: last4
                  writes: deny
                - column: ws_people.email
                  allow: ["role:hr"]
                  mask: email
                  writes: allow
                - column: ws_people.card
                  allow: ["role:hr"]
                  mask: last4
                  writes: write_only
                - column: ws_people.pin
                  allow: ["role:hr"]
                  mask: hash
                  writes: write_only
                - column: ws_people.nick
                  allow: ["role:hr"]
                  mask: last4
                  writes: write_only
                  mode: report
              hash_secret: "write-settings-test-key-0123456789"
            """;
    private static final Subject CLERK = Subject.fromClaims(Map.of("sub", "clerk-1", "roles", java.util.List.of("clerk")));
    private static final String PHONE = "555-0100-7788";
    private static final String SSN = "123-45-6789";
    private static final String EMAIL = "ann.lee@example.com";
    private static final String CARD = "4111111111111111";
    private static final String OTHER_CARD = "5500005555555559";

    @TempDir
    static Path configDir;
    private static DataSource guarded;

    @BeforeAll
    static void configure() throws Exception {
        Path file = configDir.resolve("writes.yaml");
        Files.writeString(file, POLICY, StandardCharsets.UTF_8);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        guarded = new ClaimGuardDataSource(h2, file.toString());
    }

    @BeforeEach
    void resetRow() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ws_people");
            s.execute("CREATE TABLE ws_people (id INT PRIMARY KEY, name VARCHAR(50), phone VARCHAR(20), ssn VARCHAR(11),"
                    + " email VARCHAR(50), card VARCHAR(19), pin VARCHAR(40), nick VARCHAR(20))");
            s.execute("INSERT INTO ws_people VALUES (1, 'Ann Lee', '" + PHONE + "', '" + SSN + "', '" + EMAIL + "', '"
                    + CARD + "', '7391', 'ann')");
            s.execute("INSERT INTO ws_people (id, name, card) VALUES (3, 'Bo Ray', '" + OTHER_CARD + "')");
        }
    }

    private static Map<String, String> stored() throws SQLException {
        return stored(1);
    }

    /** What row {@code id} stores, read on the database's own connection; "-" for SQL NULL. */
    private static Map<String, String> stored(int id) throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, phone, ssn, email, card, pin FROM ws_people WHERE id = " + id)) {
            assertTrue(rs.next());
            Map<String, String> row = new java.util.HashMap<>();
            for (String column : new String[] {"name", "phone", "ssn", "email", "card", "pin"}) {
                row.put(column, String.valueOf(rs.getString(column)).replace("null", "-"));
            }
            return row;
        }
    }

    /** What the clerk is shown in {@code column} of row 1. */
    private static String shown(String column) throws SQLException {
        return shown(column, 1);
    }

    private static String shown(String column, int id) throws SQLException {
        try (GuardContext.Scope ignored = GuardContext.open(CLERK); Connection c = guarded.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM ws_people WHERE id = " + id)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static int update(String sql, Object value) throws SQLException {
        try (GuardContext.Scope ignored = GuardContext.open(CLERK); Connection c = guarded.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setObject(1, value);
            }
            return s.executeUpdate();
        }
    }

    private static void assertRefused(String expected, Executable write) {
        SQLException refused = assertThrows(SQLException.class, write::run);
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        for (String secret : new String[] {PHONE, SSN, EMAIL, CARD, OTHER_CARD}) {
            assertFalse(refused.getMessage().contains(secret), refused.getMessage());
        }
    }

    @FunctionalInterface
    interface Executable {
        void run() throws SQLException;
    }

    @Test
    void deny_refusesEveryWrite_evenOfWhatWasShown() throws SQLException {
        String mask = shown("ssn");
        assertRefused("writes: deny", () -> update("UPDATE ws_people SET ssn = ? WHERE id = 1", mask));
        assertRefused("writes: deny", () -> update("INSERT INTO ws_people (id, ssn) VALUES (2, ?)", null));
        assertEquals(SSN, stored().get("ssn"));
    }

    @Test
    void allow_letsANewValueThrough_whichIsThenShownMasked() throws SQLException {
        assertEquals(1, update("UPDATE ws_people SET email = ? WHERE id = 1", "ann@work.example"));
        assertEquals("ann@work.example", stored().get("email"));
        assertFalse(shown("email").contains("ann@work"), "still masked when read");
    }

    @Test
    void preserve_keepsTheStoredValue_whenWhatWasShownIsWrittenBack() throws SQLException {
        assertEquals(1, update("UPDATE ws_people SET phone = ? WHERE id = 1", shown("phone")));
        assertEquals(PHONE, stored().get("phone"));
        assertRefused("writes: preserve", () -> update("UPDATE ws_people SET phone = ? WHERE id = 1", "555-0199"));
        assertEquals(PHONE, stored().get("phone"));
    }

    @Test
    void anUpdatableResultSet_followsTheSameSettings() throws SQLException {
        try (GuardContext.Scope ignored = GuardContext.open(CLERK); Connection c = guarded.getConnection();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
             ResultSet rs = s.executeQuery("SELECT id, name, phone, ssn, email FROM ws_people WHERE id = 1")) {
            assertTrue(rs.next());
            String phone = rs.getString("phone");
            rs.updateString("name", "Ann B. Lee");
            rs.updateString("phone", phone);                       // preserve: as shown, so dropped
            rs.updateString("email", "ann@home.example");           // allow
            assertRefused("writes: preserve", () -> rs.updateString("phone", "555-0199"));
            assertRefused("writes: deny", () -> rs.updateString(4, rs.getString(4)));
            rs.updateRow();
        }
        Map<String, String> after = stored();
        assertEquals("Ann B. Lee", after.get("name"));
        assertEquals(PHONE, after.get("phone"));
        assertEquals(SSN, after.get("ssn"));
        assertEquals("ann@home.example", after.get("email"));
    }

    // ---- write_only: what the subject supplies is stored; masks never are

    @Test
    void writeOnly_storesANewRowsValue_thatTheSubjectSupplies() throws SQLException {
        assertEquals(1, update("INSERT INTO ws_people (id, name, card) VALUES (2, 'Cy Dunn', ?)", "4000056655665556"));
        assertEquals("4000056655665556", stored(2).get("card"));
        assertEquals("************5556", shown("card", 2), "the subject still cannot read it back");
        assertEquals(1, update("INSERT INTO ws_people (id, name, card) VALUES (4, 'Di Egan', ?)", null));
        assertEquals("-", stored(4).get("card"));
    }

    @Test
    void writeOnly_refusesAMaskInANewRow_asItMayComeFromAnotherRow() throws SQLException {
        String anothersMask = shown("card", 3);
        assertRefused("writes: write_only", () -> update("INSERT INTO ws_people (id, name, card) VALUES (2, 'Cy', ?)",
                anothersMask));
        assertRefused("shaped like its mask", () -> update("INSERT INTO ws_people (id, card) VALUES (2, '****')", null));
        assertRefused("writes: write_only", () -> update("INSERT INTO ws_people (id, card) VALUES (2, UPPER(?))",
                "4000056655665556"));
        assertEquals(0, countRows(2));
    }

    @Test
    void writeOnly_keepsTheStoredValue_whenWhatWasShownIsWrittenBack() throws SQLException {
        assertEquals(1, update("UPDATE ws_people SET card = ? WHERE id = 1", shown("card")));
        assertEquals(CARD, stored().get("card"));
    }

    @Test
    void writeOnly_replacesTheStoredValue_withOneTheSubjectSupplies() throws SQLException {
        assertEquals(1, update("UPDATE ws_people SET card = ? WHERE id = 1", "4000056655665556"));
        assertEquals("4000056655665556", stored().get("card"));
    }

    @Test
    void writeOnly_refusesAnotherRowsMask_andWhatItCannotCheck() throws SQLException {
        String anothersMask = shown("card", 3);
        assertRefused("writes: write_only", () -> update("UPDATE ws_people SET card = ? WHERE id = 1", anothersMask));
        assertRefused("writes: write_only", () -> update("UPDATE ws_people SET card = LOWER(?) WHERE id = 1", "x"));
        assertEquals(CARD, stored().get("card"));
    }

    /** A keyed hash shows 32 hex digits: a PIN is no such thing and is stored, a hash read anywhere is not. */
    @Test
    void writeOnly_underAHashMask_refusesHashes() throws SQLException {
        String shownPin = shown("pin");
        assertEquals(32, shownPin.length());
        assertEquals(1, update("UPDATE ws_people SET pin = ? WHERE id = 1", shownPin));
        assertEquals("7391", stored().get("pin"), "written back as shown: kept");
        assertEquals(1, update("UPDATE ws_people SET pin = ? WHERE id = 1", "2468"));
        assertEquals("2468", stored().get("pin"));
        assertRefused("writes: write_only", () -> update("INSERT INTO ws_people (id, pin) VALUES (2, ?)", shownPin));
    }

    @Test
    void writeOnly_throughAnUpdatableResultSet() throws SQLException {
        try (GuardContext.Scope ignored = GuardContext.open(CLERK); Connection c = guarded.getConnection();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
             ResultSet rs = s.executeQuery("SELECT id, name, card FROM ws_people WHERE id = 1")) {
            assertTrue(rs.next());
            assertRefused("writes: write_only", () -> rs.updateString("card", "************5559"));
            rs.updateString("card", "4000056655665556");
            rs.updateRow();
        }
        assertEquals("4000056655665556", stored().get("card"));
    }

    private static int countRows(int id) throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ws_people WHERE id = " + id)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    /** In report mode the row shows the real value; a value the subject supplies would be stored, so nothing is noted. */
    @Test
    void writeOnly_inReportMode_notesOnlyAMaskShapedValue() throws SQLException {
        try (AuditLog audit = new AuditLog()) {
            try (GuardContext.Scope ignored = GuardContext.open(CLERK); Connection c = guarded.getConnection();
                 Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
                 ResultSet rs = s.executeQuery("SELECT id, nick FROM ws_people WHERE id = 1")) {
                assertTrue(rs.next());
                rs.updateString("nick", "annie");
                rs.updateRow();
            }
            assertFalse(audit.text().contains("would_deny"), audit.text());
            try (GuardContext.Scope ignored = GuardContext.open(CLERK); Connection c = guarded.getConnection();
                 Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
                 ResultSet rs = s.executeQuery("SELECT id, nick FROM ws_people WHERE id = 1")) {
                assertTrue(rs.next());
                rs.updateString("nick", "*nnie");
                rs.updateRow();
            }
            assertTrue(audit.text().contains("write_mask_shaped"), audit.text());
        }
        assertEquals("*nnie", storedNick(), "report mode lets even that write through");
    }

    private static String storedNick() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nick FROM ws_people WHERE id = 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
