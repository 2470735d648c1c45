package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL that reads protected data without a plain column reference: none of it may return a raw
 * value to a subject without access. Runs on H2 and, where a form is PostgreSQL's own, on
 * PostgreSQL when it is reachable.
 */
@ExtendWith(ConformancePolicy.class)
class BypassTest {
    private static final String RAW_SSN = "123-45";   // last4 legitimately shows 6789

    /** Every cell of every row, as text: none may contain the raw SSN. */
    private static void assertNoRawValue(TestDatabase db, String sql) throws SQLException {
        db.prepare();
        try (Connection c = DriverManager.getConnection(db.guardedUrl());
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        String value = rs.getString(column);
                        assertFalse(value != null && value.contains(RAW_SSN), sql + " leaked column " + column);
                    }
                }
                assertTrue(rows > 0, sql + " returned no rows, so it proved nothing");
            } catch (SQLException refused) {
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "TABLE cg_customers",
        "WITH c AS (SELECT ssn AS x FROM cg_customers) SELECT x FROM c",
        "WITH c (a, b) AS (SELECT id, ssn FROM cg_customers) SELECT b FROM c",
        "SELECT x FROM (SELECT ssn AS x FROM cg_customers) t",
        "SELECT * FROM (SELECT * FROM cg_customers) t",
        "SELECT name FROM cg_customers UNION SELECT ssn FROM cg_customers",
        "SELECT name FROM cg_customers EXCEPT SELECT ssn FROM cg_customers",
        "SELECT (SELECT ssn FROM cg_customers WHERE id = 1) FROM cg_customers",
        "SELECT CASE WHEN id = 1 THEN ssn END FROM cg_customers",
        "SELECT CAST(ssn AS VARCHAR(20)) FROM cg_customers",
        "SELECT SUBSTRING(ssn, 8, 4) FROM cg_customers",
        "SELECT \"SSN\" FROM cg_customers",
        "SELECT Ssn FROM PUBLIC.CG_CUSTOMERS",
        "SELECT /* ssn */ ssn FROM cg_customers",
        "SELECT MAX(ssn) OVER (PARTITION BY id) FROM cg_customers",
        "SELECT GROUP_CONCAT(ssn) FROM cg_customers",
        "SCRIPT",
        "/* dump */ SCRIPT NODATA",
    })
    void h2_formsThatReadSsn_neverReturnIt(String sql) throws SQLException {
        assertNoRawValue(TestDatabase.H2, sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT t FROM cg_customers t",
        "SELECT row_to_json(c) FROM cg_customers c",
        "SELECT to_jsonb(c.*) FROM cg_customers c",
        "SELECT json_agg(c) FROM cg_customers c",
        "SELECT string_agg(ssn, ',') FROM cg_customers",
        "SELECT ssn::text FROM cg_customers",
        "SELECT query_to_xml('select * from cg_customers', true, true, '')",
        "SELECT x FROM cg_customers, LATERAL (SELECT ssn AS x) l",
        "SELECT E'it\\'s', UPPER(ssn) FROM cg_customers",
        "SELECT most_common_vals::text FROM pg_stats WHERE tablename = 'cg_customers'",
        "SELECT histogram_bounds::text FROM pg_catalog.pg_stats",
        "SELECT U&\"\\0073sn\" FROM cg_customers",
    })
    void postgres_formsThatReadSsn_neverReturnIt(String sql) throws SQLException {
        assertNoRawValue(TestDatabase.POSTGRESQL, sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT name /*!, UPPER(ssn) */ FROM cg_customers",
        "SELECT name FROM cg_customers /*! UNION SELECT CONCAT(ssn, '') FROM cg_customers */",
        "SELECT name, CONCAT('\\'', ssn) FROM cg_customers",
        "SELECT `ssn` FROM `cg_customers`",
        "SELECT min_value, max_value FROM mysql.column_stats",
    })
    void mariadb_formsThatReadSsn_neverReturnIt(String sql) throws SQLException {
        assertNoRawValue(TestDatabase.MARIADB, sql);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void databaseErrorsQuotingAProtectedValue_areWithheld(TestDatabase db) throws SQLException {
        db.prepare();
        String sql = "SELECT CAST(ssn AS INTEGER) FROM cg_customers WHERE id = 1";
        try (Connection c = DriverManager.getConnection(db.guardedUrl()); Statement s = c.createStatement()) {
            SQLException officer;
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER)) {
                officer = assertThrows(SQLException.class, () -> s.executeQuery(sql).next());
            }
            assertTrue(officer.getMessage().contains("123-45"), "the database quotes the value: " + officer.getMessage());
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
                 java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (SQLException agent : List.of(
                        assertThrows(SQLException.class, () -> s.executeQuery(sql).next()),
                        assertThrows(SQLException.class, () -> ps.executeQuery().next()))) {
                    assertFalse(agent.getMessage().contains("123-45"), agent.getMessage());
                    assertNull(agent.getCause());
                    assertEquals(officer.getSQLState(), agent.getSQLState(), "the SQLState survives");
                    assertTrue(agent.getMessage().contains("withheld"), agent.getMessage());
                }
            }
        }
    }

    @Test
    void unrelatedStatements_stillRun() throws SQLException {
        TestDatabase.H2.prepare();
        try (Connection c = DriverManager.getConnection(TestDatabase.H2.guardedUrl());
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT total FROM cg_orders ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals("19.99", rs.getBigDecimal(1).toPlainString());
        }
    }

    /**
     * A prepared statement keeps its result's shape across runs; a SELECT * whose table gains a
     * column before the protected one must not keep masking the column's old position.
     */
    @Test
    void preparedSelectStar_whenTheTableGainsAColumn_masksWhereTheColumnMoved() throws SQLException {
        String url = "jdbc:h2:mem:bypass_moved_column;DB_CLOSE_DELAY=-1";
        try (Connection raw = DriverManager.getConnection(url); Statement ddl = raw.createStatement()) {
            ddl.execute("CREATE TABLE cg_customers (id INT PRIMARY KEY, ssn VARCHAR(11))");
            ddl.execute("INSERT INTO cg_customers VALUES (1, '123-45-6789')");
        }
        try (Connection c = DriverManager.getConnection(ClaimGuardDriver.URL_PREFIX + url.substring("jdbc:".length()));
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             PreparedStatement ps = c.prepareStatement("SELECT * FROM cg_customers WHERE id = ?")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("*******6789", rs.getString(2));
            }
            try (Connection raw = DriverManager.getConnection(url); Statement ddl = raw.createStatement()) {
                ddl.execute("ALTER TABLE cg_customers ADD COLUMN name VARCHAR(20) DEFAULT 'Jane' BEFORE ssn");
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(3, rs.getMetaData().getColumnCount(), "the driver prepared the statement again");
                assertEquals("Jane", rs.getString(2));
                assertEquals("*******6789", rs.getString(3));
            }
        }
    }

    @Test
    void officer_readsThroughTheSameForms() throws SQLException {
        TestDatabase.H2.prepare();
        try (Connection c = DriverManager.getConnection(TestDatabase.H2.guardedUrl());
             GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT x FROM (SELECT ssn AS x FROM cg_customers WHERE id = 1) t")) {
            assertTrue(rs.next());
            assertEquals("123-45-6789", rs.getString(1));
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:claimguard:"));
    }
}
