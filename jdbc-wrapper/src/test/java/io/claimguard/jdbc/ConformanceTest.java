package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One suite, every database: the same schema (in each database's own types), the same policy, the
 * same expectations, through the real ClaimGuard driver from DriverManager.
 */
@ExtendWith(ConformancePolicy.class)
class ConformanceTest {
    private static final String JANE = "SELECT * FROM cg_customers WHERE id = 1";

    static List<TestDatabase> databases() {
        return TestDatabase.available();
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        db.prepare();
        return DriverManager.getConnection(db.guardedUrl());
    }

    /** Runs a query as {@code subject} and hands the first row to {@code check}. */
    private static void row(TestDatabase db, Subject subject, String sql, RowCheck check) throws Exception {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(subject);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            check.accept(rs);
        }
    }

    @FunctionalInterface
    interface RowCheck {
        void accept(ResultSet rs) throws Exception;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void selectStar_masksEveryProtectedColumn_forAgent(TestDatabase db) throws Exception {
        row(db, Subjects.AGENT, JANE, rs -> {
            assertEquals("Jane Doe", rs.getString("name"));
            assertEquals("*******6789", rs.getString("ssn"));
            assertEquals("j***@***.com", rs.getString("email"));
            assertEquals(0, rs.getBigDecimal("salary").compareTo(BigDecimal.ZERO));
            assertEquals(0d, rs.getDouble("salary"));
            assertEquals(LocalDate.of(1987, 1, 1), rs.getDate("born").toLocalDate());
            assertEquals("************1111", rs.getString("card"));
            assertEquals("[REDACTED]", rs.getString("notes"));
            assertEquals(1900, rs.getTimestamp("updated_at").toLocalDateTime().getYear());
            String pseudonym = rs.getString("external_id");
            assertTrue(pseudonym.matches("[0-9a-f]{32}"), "hash mask gives a hex pseudonym");
            assertEquals(pseudonym, rs.getString("external_id"), "the pseudonym is stable");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nullMask_readsAsNullThroughTypedGetters_andWasNullTellsTheTruth(TestDatabase db) throws Exception {
        row(db, Subjects.AGENT, JANE, rs -> {
            assertEquals(0, rs.getInt("level"));
            assertTrue(rs.wasNull());
            assertNull(rs.getObject("level"));
            assertTrue(rs.wasNull());
            assertNull(rs.getString("profile"));
            assertTrue(rs.wasNull());
            assertEquals(1, rs.getInt("id"));
            assertFalse(rs.wasNull(), "an unprotected read resets wasNull");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void maskedColumns_keepTheJavaClassTheDriverReturns(TestDatabase db) throws Exception {
        try (Connection raw = db.raw(); Statement s = raw.createStatement(); ResultSet expected = s.executeQuery(JANE)) {
            assertTrue(expected.next());
            row(db, Subjects.AGENT, JANE, rs -> {
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    Object masked = rs.getObject(column);
                    Object real = expected.getObject(column);
                    if (masked != null) {
                        assertTrue(real.getClass().isInstance(masked) || masked.getClass().isInstance(real)
                                        || (real instanceof java.sql.Clob && masked instanceof java.sql.Clob),
                                rs.getMetaData().getColumnLabel(column) + ": " + masked.getClass() + " for " + real.getClass());
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void officer_seesExactValues(TestDatabase db) throws Exception {
        row(db, Subjects.OFFICER, JANE, rs -> {
            assertEquals("123-45-6789", rs.getString("ssn"));
            assertEquals("jane.doe@example.com", rs.getString("email"));
            assertEquals(0, new BigDecimal("85000.50").compareTo(rs.getBigDecimal("salary")));
            assertEquals(LocalDate.of(1987, 6, 15), rs.getDate("born").toLocalDate());
            assertEquals("4111111111111111", rs.getString("card"));
            assertEquals("VIP customer, prefers phone", rs.getString("notes"));
            assertEquals(3, rs.getInt("level"));
            assertEquals("ext-001", rs.getString("external_id"));
            assertTrue(rs.getString("profile").contains("gold"));
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void maskedNulls_stayNull(TestDatabase db) throws Exception {
        row(db, Subjects.AGENT, "SELECT ssn, email, salary, born FROM cg_customers WHERE id = 2", rs -> {
            for (int column = 1; column <= 4; column++) {
                assertNull(rs.getObject(column));
                assertTrue(rs.wasNull());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void noSubject_isMaskedLikeAnAgent(TestDatabase db) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(JANE)) {
            assertTrue(rs.next());
            assertEquals("*******6789", rs.getString("ssn"));
            assertEquals("Jane Doe", rs.getString("name"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aliasesAndTableAliases_doNotBypass(TestDatabase db) throws Exception {
        row(db, Subjects.AGENT, "SELECT c.ssn AS tax_id, c.email e, c.name FROM cg_customers c WHERE c.id = 1", rs -> {
            assertEquals("*******6789", rs.getString("tax_id"));
            assertEquals("*******6789", rs.getString(1));
            assertEquals("j***@***.com", rs.getString("e"));
            assertEquals("Jane Doe", rs.getString(3));
        });
        row(db, Subjects.AGENT, "SELECT c.* FROM cg_customers c WHERE c.id = 1", rs -> {
            assertEquals("*******6789", rs.getString("ssn"));
            assertEquals("Jane Doe", rs.getString("name"));
        });
        row(db, Subjects.AGENT, "SELECT o.total, c.* , o.id FROM cg_orders o JOIN cg_customers c ON c.id = o.customer_id", rs -> {
            assertEquals("*******6789", rs.getString("ssn"));
            assertEquals("Jane Doe", rs.getString("name"));
            assertEquals(0, new BigDecimal("19.99").compareTo(rs.getBigDecimal(1)));
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void expressions_overProtectedColumns_areMasked(TestDatabase db) throws Exception {
        String concat = db == TestDatabase.MARIADB ? "CONCAT(ssn, '!')" : "ssn || '!'";
        row(db, Subjects.AGENT, "SELECT UPPER(email), " + concat + ", LENGTH(ssn), name FROM cg_customers WHERE id = 1", rs -> {
            assertNotEquals("JANE.DOE@EXAMPLE.COM", rs.getString(1));
            assertEquals("XXXX", rs.getString(1));
            assertFalse(rs.getString(2).contains("6789"));
            assertEquals(0, rs.getInt(3));
            assertEquals("Jane Doe", rs.getString(4));
        });
        row(db, Subjects.AGENT, "SELECT name, (SELECT MAX(ssn) FROM cg_customers) AS top FROM cg_customers WHERE id = 1", rs -> {
            assertEquals("Jane Doe", rs.getString(1));
            assertFalse(rs.getString(2).contains("6789"));
        });
        row(db, Subjects.AGENT, "SELECT t.x FROM (SELECT ssn AS x FROM cg_customers WHERE id = 1) t", rs ->
                assertEquals("*******6789", rs.getString(1), "passed through unchanged: the column's own mask"));
        row(db, Subjects.AGENT, "WITH c (tax_id) AS (SELECT ssn FROM cg_customers WHERE id = 1) SELECT tax_id FROM c", rs ->
                assertEquals("*******6789", rs.getString(1)));
        row(db, Subjects.AGENT, "SELECT name FROM cg_customers WHERE id = 1 UNION ALL SELECT ssn FROM cg_customers WHERE id = 1", rs -> {
            assertFalse(rs.getString(1).contains("123-45"));
            assertTrue(rs.next());
            assertFalse(rs.getString(1).contains("123-45"));
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void countStar_isNotMasked(TestDatabase db) throws Exception {
        row(db, Subjects.AGENT, "SELECT COUNT(*) FROM cg_customers", rs -> assertEquals(2, rs.getInt(1)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void predicatesOnDeniedColumn_areRefused(TestDatabase db) throws Exception {
        for (String sql : List.of(
                "SELECT name FROM cg_customers WHERE ssn LIKE '123%'",
                "SELECT name FROM cg_customers ORDER BY ssn",
                "SELECT name, ssn AS s FROM cg_customers ORDER BY s",
                "SELECT name, ssn FROM cg_customers ORDER BY 2",
                "SELECT c.name FROM cg_customers c JOIN cg_orders o ON o.customer_id = c.id AND c.ssn > '5'",
                "SELECT name FROM cg_customers WHERE id IN (SELECT id FROM cg_customers WHERE ssn LIKE '1%')",
                "DELETE FROM cg_customers WHERE ssn = '123-45-6789'")) {
            try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
                 Statement s = c.createStatement()) {
                SQLException denied = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertEquals("42501", denied.getSQLState(), sql);
                assertTrue(denied.getMessage().contains("ssn"), denied.getMessage());
                assertFalse(denied.getMessage().contains("123"), "the message carries no value");
            }
        }
        row(db, Subjects.OFFICER, "SELECT name FROM cg_customers WHERE ssn LIKE '123%'",
                rs -> assertEquals("Jane Doe", rs.getString(1)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void preparedStatement_readsSubjectOnEveryRun(TestDatabase db) throws Exception {
        try (Connection c = connect(db); PreparedStatement ps = c.prepareStatement("SELECT ssn FROM cg_customers WHERE id = ?")) {
            ps.setInt(1, 1);
            for (int round = 0; round < 2; round++) {
                try (GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER); ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("123-45-6789", rs.getString(1));
                }
                try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT); ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("*******6789", rs.getString(1));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resultSet_keepsTheSubjectOfItsExecution(TestDatabase db) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            ResultSet rs;
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT)) {
                rs = s.executeQuery(JANE);
            }
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER)) {
                assertTrue(rs.next());
                assertEquals("*******6789", rs.getString("ssn"), "read later under another subject");
            }
            rs.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void updatingAMaskedColumn_isDenied_otherColumnsUpdate(TestDatabase db) throws Exception {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
             ResultSet rs = s.executeQuery("SELECT id, name, ssn FROM cg_customers WHERE id = 2")) {
            assertTrue(rs.next());
            SQLException denied = assertThrows(SQLException.class, () -> rs.updateString("ssn", "000-00-0000"));
            assertEquals("42501", denied.getSQLState());
            assertThrows(SQLException.class, () -> rs.updateString(3, "000-00-0000"));
            rs.updateString("name", "John Roe");
            rs.updateRow();
        }
        try (Connection raw = db.raw(); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT ssn FROM cg_customers WHERE id = 2")) {
            assertTrue(rs.next());
            assertNull(rs.getString(1), "nothing was written to the protected column");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void noPathLeadsToARawDriverObject(TestDatabase db) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement(JANE)) {
            assertSame(c, s.getConnection());
            assertSame(c, ps.getConnection());
            assertSame(c, c.getMetaData().getConnection());
            ResultSet rs = s.executeQuery(JANE);
            assertSame(s, rs.getStatement());
            if (db == TestDatabase.HSQLDB) {   // its driver answers getResultSet with a new object: a new wrapper
                assertSame(s, s.getResultSet().getStatement());
            } else {
                assertSame(rs, s.getResultSet(), "getResultSet returns the same wrapper");
            }
            assertTrue(s.execute(JANE));
            ResultSet again = s.getResultSet();
            assertSame(s, again.getStatement());
            assertFalse(s.getMoreResults());
            try (ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
                assertTrue(tables.getClass().getName().startsWith("io.claimguard."));
                Statement owner = tables.getStatement();
                assertTrue(owner == null || owner.getClass().getName().startsWith("io.claimguard."));
            }
            for (Object wrapper : List.of(c, s, ps, c.getMetaData(), ps.executeQuery())) {
                assertTrue(wrapper.getClass().getName().startsWith("io.claimguard."), wrapper.getClass().getName());
            }
            SQLException refused = assertThrows(SQLException.class, () -> c.unwrap(rawConnectionType(db)));
            assertEquals("42501", refused.getSQLState());
            assertFalse(c.isWrapperFor(rawConnectionType(db)));
            assertTrue(c.isWrapperFor(Connection.class));
            assertSame(c, c.unwrap(Connection.class));
            assertThrows(SQLException.class, () -> rs.unwrap(rawResultSetType(db)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void generatedKeys_areWrapped_andNotMaskedWhenUnprotected(TestDatabase db) throws Exception {
        try (Connection c = connect(db); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO cg_orders (customer_id, total) VALUES (2, 5.00)", Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertSame(s, keys.getStatement());
                assertTrue(keys.next());
                assertTrue(keys.getLong(1) > 1);
            }
        }
    }

    private static Class<?> rawConnectionType(TestDatabase db) throws ClassNotFoundException {
        return Class.forName(switch (db) {
            case H2 -> "org.h2.jdbc.JdbcConnection";
            case POSTGRESQL -> "org.postgresql.PGConnection";
            case MARIADB -> "org.mariadb.jdbc.Connection";
            case HSQLDB -> "org.hsqldb.jdbc.JDBCConnection";
        });
    }

    private static Class<?> rawResultSetType(TestDatabase db) throws ClassNotFoundException {
        return Class.forName(switch (db) {
            case H2 -> "org.h2.jdbc.JdbcResultSet";
            case POSTGRESQL -> "org.postgresql.PGResultSetMetaData".replace("MetaData", "").replace("PGResultSet", "jdbc.PgResultSet");
            case MARIADB -> "org.mariadb.jdbc.client.result.Result";
            case HSQLDB -> "org.hsqldb.jdbc.JDBCResultSet";
        });
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void assertBytes(String expected, byte[] actual) {
        assertArrayEquals(bytes(expected), actual);
    }
}
