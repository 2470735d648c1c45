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
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deferred constraints on PostgreSQL report when the transaction ends, quoting the row they
 * checked: a subject without access to ssn changes another column, and the commit, however it is
 * asked for, must not hand it the ssn. The officer, who may see ssn, gets the database's message
 * whole, which shows each case really quotes the value. (H2 and MariaDB have no deferred
 * constraints; their errors at commit are covered by {@link ScrubbedErrorsTest}.)
 */
@ExtendWith(ConformancePolicy.class)
class DeferredConstraintTest {
    private static final String SSN = "123-45-6789";

    /** A deferred constraint, and the change that breaks it without naming ssn. */
    enum Constraint {
        UNIQUE("23505", "CREATE TEMP TABLE cg_customers (id int PRIMARY KEY, ssn text, name text, level int,"
                + " CONSTRAINT u UNIQUE (ssn, name) DEFERRABLE INITIALLY DEFERRED)",
                "UPDATE cg_customers SET name = 'a' WHERE id = 2"),
        EXCLUSION("23P01", "CREATE TEMP TABLE cg_customers (id int PRIMARY KEY, ssn text, name text, level int,"
                + " CONSTRAINT x EXCLUDE USING btree (ssn WITH =, name WITH =) DEFERRABLE INITIALLY DEFERRED)",
                "UPDATE cg_customers SET name = 'a' WHERE id = 2"),
        FOREIGN_KEY("23503", "CREATE TEMP TABLE cg_customers (id int PRIMARY KEY, ssn text UNIQUE, name text, level int);"
                + " CREATE TEMP TABLE cg_orders (id int, ssn_ref text REFERENCES cg_customers (ssn)"
                + " DEFERRABLE INITIALLY DEFERRED)",
                "DELETE FROM cg_customers WHERE id = 1");

        final String sqlState;
        final String setup;
        final String change;

        Constraint(String sqlState, String setup, String change) {
            this.sqlState = sqlState;
            this.setup = setup;
            this.change = change;
        }
    }

    /** How the application ends the transaction. */
    enum Ending {
        COMMIT_CALL, AUTO_COMMIT_ON, COMMIT_TEXT, BEGIN_AND_COMMIT_TEXTS_IN_AUTO_COMMIT
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aDeferredUniqueConstraint_reportsWithoutTheValue(Ending ending) throws SQLException {
        check(Constraint.UNIQUE, ending);
    }

    @ParameterizedTest
    @EnumSource(Constraint.class)
    void everyDeferredConstraintKind_reportsWithoutTheValue(Constraint constraint) throws SQLException {
        check(constraint, Ending.COMMIT_CALL);
    }

    private static void check(Constraint constraint, Ending ending) throws SQLException {
        Received officer = new Received();
        officer.exception(ending.name(), endingFails(constraint, ending, Subjects.OFFICER));
        assertTrue(officer.showsPlaintext(), "the case must quote the value to whoever may see it: " + officer.summary());
        SQLException refused = endingFails(constraint, ending, Subjects.AGENT);
        Received agent = new Received();
        agent.exception(ending.name(), refused);
        assertEquals(constraint.sqlState, refused.getSQLState(), "the SQLState survives");
        assertEquals(List.of(), agent.leaks(), ending + " handed the agent the value");
    }

    /** Sets the case up as the officer, then breaks the constraint and ends the transaction as {@code subject}. */
    private static SQLException endingFails(Constraint constraint, Ending ending, Subject subject) throws SQLException {
        TestDatabase.POSTGRESQL.prepare();
        try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRESQL.guardedUrl())) {
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER); Statement s = c.createStatement()) {
                s.execute(constraint.setup);   // temporary tables of this session, in front of the fixture's
                s.execute("INSERT INTO cg_customers (id, ssn, name, level) VALUES (1, '" + SSN + "', 'a', 1),"
                        + " (2, '" + (constraint == Constraint.FOREIGN_KEY ? "x" : SSN) + "', 'b', 2)");
                if (constraint == Constraint.FOREIGN_KEY) {
                    s.execute("INSERT INTO cg_orders VALUES (1, '" + SSN + "')");
                }
            }
            try (GuardContext.Scope ignored = GuardContext.open(subject); Statement s = c.createStatement()) {
                if (ending == Ending.BEGIN_AND_COMMIT_TEXTS_IN_AUTO_COMMIT) {
                    s.execute("BEGIN");
                } else {
                    c.setAutoCommit(false);
                }
                s.executeUpdate(constraint.change);
                s.executeQuery("SELECT name FROM cg_customers").close();   // a statement after, touching nothing hidden
                return assertThrows(SQLException.class, () -> {
                    switch (ending) {
                        case COMMIT_CALL -> c.commit();
                        case AUTO_COMMIT_ON -> c.setAutoCommit(true);
                        default -> s.execute("COMMIT");
                    }
                });
            }
        }
    }
}
