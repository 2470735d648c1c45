package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A protected value copied into another table or a view is out of masking's reach for good, so a
 * subject who may not see it may not copy it either. Everything runs in a transaction that is
 * rolled back.
 */
@ExtendWith(ConformancePolicy.class)
class CopyOutTest {

    static List<TestDatabase> databases() {
        return TestDatabase.available();
    }

    private static List<String> copyOuts(TestDatabase db) {
        List<String> statements = new ArrayList<>(List.of(
                "INSERT INTO cg_orders (customer_id, total) SELECT id, salary FROM cg_customers",
                "INSERT INTO cg_orders (customer_id, total) SELECT t.id, t.s FROM (SELECT id, salary AS s FROM cg_customers) t",
                "UPDATE cg_customers SET notes = ssn WHERE id = 2",
                "UPDATE cg_customers SET notes = (SELECT MAX(email) FROM cg_customers) WHERE id = 2",
                "INSERT INTO cg_customers (id, name) VALUES (9, (SELECT email FROM cg_customers WHERE id = 1))",
                "CREATE TABLE cg_copy AS SELECT email FROM cg_customers",
                "CREATE VIEW cg_leak AS SELECT c.email FROM cg_customers c"));
        if (db == TestDatabase.POSTGRESQL) {
            statements.add("SELECT email INTO cg_copy2 FROM cg_customers");
        }
        return statements;
    }

    private static void run(TestDatabase db, Subject subject, String sql) throws SQLException {
        db.prepare();
        try (Connection c = DriverManager.getConnection(db.guardedUrl()); GuardContext.Scope ignored = GuardContext.open(subject)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } finally {
                c.rollback();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void copyingAProtectedValueOut_isRefused(TestDatabase db) {
        for (String sql : copyOuts(db)) {
            SQLException denied = assertThrows(SQLException.class, () -> run(db, Subjects.AGENT, sql), sql);
            assertEquals("42501", denied.getSQLState(), sql + ": " + denied.getMessage());
            assertTrue(denied.getMessage().contains("copies protected column"), denied.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void writesThatCopyNothingProtected_run(TestDatabase db) throws SQLException {
        run(db, Subjects.AGENT, "INSERT INTO cg_orders (customer_id, total) SELECT id, 0 FROM cg_customers WHERE name = 'nobody'");
        run(db, Subjects.AGENT, "UPDATE cg_customers SET name = 'John Roe' WHERE id = 2");
        run(db, Subjects.OFFICER, "INSERT INTO cg_orders (customer_id, total) SELECT id, salary FROM cg_customers WHERE id = 1");
    }
}
