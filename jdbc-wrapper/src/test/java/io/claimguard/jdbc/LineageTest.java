package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lineage through derived tables, CTEs and set operations is precise in both directions: protected
 * values stay masked, unprotected ones come back exact rather than masked for safety, and protected
 * columns used to choose rows are refused wherever they hide.
 */
@ExtendWith(ConformancePolicy.class)
class LineageTest {

    static List<TestDatabase> databases() {
        return TestDatabase.available();
    }

    private static List<List<String>> rows(TestDatabase db, Subject subject, String sql) throws SQLException {
        db.prepare();
        try (Connection c = DriverManager.getConnection(db.guardedUrl()); GuardContext.Scope ignored = GuardContext.open(subject);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Rows.of(rs);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void unprotectedColumns_throughDerivedTablesAndCtes_comeBackExact(TestDatabase db) throws SQLException {
        assertEquals(List.of(List.of("1", "Jane Doe", "*******6789")),
                rows(db, Subjects.AGENT, "SELECT t.id, t.name, t.ssn FROM (SELECT id, name, ssn FROM cg_customers) t WHERE t.id = 1"));
        assertEquals(List.of(List.of("Jane Doe", "*******6789")),
                rows(db, Subjects.AGENT, "WITH c AS (SELECT name, ssn AS tax FROM cg_customers WHERE id = 1) SELECT name, tax FROM c"));
        assertEquals(List.of(List.of("Jane Doe")),
                rows(db, Subjects.AGENT, "SELECT name FROM cg_customers WHERE id = 1 UNION SELECT c.name FROM cg_orders o "
                        + "JOIN cg_customers c ON c.id = o.customer_id"));
        assertEquals(List.of(List.of("1", "Jane Doe")),
                rows(db, Subjects.AGENT, "SELECT * FROM (SELECT id, name FROM cg_customers) t WHERE id = 1"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recursiveCte_carriesProtectedSourcesThroughEveryRound(TestDatabase db) throws SQLException {
        String recursive = "WITH RECURSIVE";
        List<List<String>> rows = rows(db, Subjects.AGENT, recursive + " r (n, s) AS (SELECT 1, ssn FROM cg_customers WHERE id = 1"
                + " UNION ALL SELECT n + 1, s FROM r WHERE n < 3) SELECT n, s FROM r ORDER BY n");
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(i + 1), rows.get(i).get(0));
            assertFalse(rows.get(i).get(1).contains("123-45"), "round " + (i + 1));
        }
        List<List<String>> officer = rows(db, Subjects.OFFICER, recursive + " r (n, s) AS (SELECT 1, ssn FROM cg_customers WHERE id = 1"
                + " UNION ALL SELECT n + 1, s FROM r WHERE n < 2) SELECT s FROM r");
        assertEquals(List.of(List.of("123-45-6789"), List.of("123-45-6789")), officer);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM (SELECT ssn AS x FROM cg_customers) t WHERE x LIKE '1%'",
        "WITH c AS (SELECT id, ssn AS x FROM cg_customers) SELECT id FROM c ORDER BY x",
        "SELECT name FROM cg_customers c WHERE EXISTS (SELECT 1 FROM cg_orders o WHERE o.customer_id = c.id AND c.ssn LIKE '1%')",
        "SELECT name, ROW_NUMBER() OVER (ORDER BY ssn) FROM cg_customers",
        "SELECT CASE WHEN ssn LIKE '1%' THEN 'yes' ELSE 'no' END FROM cg_customers",
        "SELECT name, ssn FROM cg_customers UNION SELECT name, ssn FROM cg_customers ORDER BY 2",
    })
    void protectedColumnsChoosingRows_areRefusedWhereverTheyHide(String sql) throws SQLException {
        SQLException denied = assertThrows(SQLException.class, () -> rows(TestDatabase.H2, Subjects.AGENT, sql));
        assertEquals("42501", denied.getSQLState(), denied.getMessage());
        assertTrue(denied.getMessage().contains("ssn"), denied.getMessage());
        rows(TestDatabase.H2, Subjects.OFFICER, sql);   // runs for a subject with access
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sortingAUnionByAnUnprotectedColumn_runs(TestDatabase db) throws SQLException {
        assertEquals(List.of(List.of("Jane Doe"), List.of("John Roe")),
                rows(db, Subjects.AGENT, "SELECT name FROM cg_customers UNION SELECT name FROM cg_customers ORDER BY 1"));
    }
}
