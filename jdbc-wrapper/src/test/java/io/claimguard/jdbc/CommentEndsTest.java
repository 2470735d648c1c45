package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a line comment ends decides how many statements a text holds, and so which statement each
 * result comes from. MariaDB runs {@code --} and {@code #} comments to the line feed, PostgreSQL
 * ends them at a lone carriage return too: a text that splits one way on one database and the
 * other way on the other must still have every result masked by the statement that produced it.
 * (The bypass corpus cannot hold a carriage return: its lines are trimmed.)
 */
@ExtendWith(ConformancePolicy.class)
class CommentEndsTest {
    private static final String TEXT = "SELECT 1 -- a comment\r; SELECT name FROM cg_customers\n; SELECT email FROM cg_customers";

    static List<TestDatabase> databases() {
        return TestDatabase.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLoneCarriageReturn_splitsAsTheDatabaseSplits(TestDatabase db) throws SQLException {
        db.prepare();
        Received agent = new Received();
        int results = 0;
        try (Connection c = DriverManager.getConnection(db.guardedUrl()
                + (db == TestDatabase.MARIADB ? "&allowMultiQueries=true" : ""));
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT); Statement s = c.createStatement()) {
            try {
                boolean isResultSet = s.execute(TEXT);
                while (isResultSet || s.getUpdateCount() != -1) {
                    if (isResultSet) {
                        try (ResultSet rs = s.getResultSet()) {
                            agent.resultSet("result " + ++results, rs);
                        }
                    }
                    isResultSet = s.getMoreResults();
                }
            } catch (SQLException e) {
                agent.exception("execute", e);   // a refusal passes: where the split is unsure, it fails closed
            }
        }
        assertEquals(List.of(), agent.leaks());
        assertTrue(results >= 1 || !agent.refusals().isEmpty(), "neither results nor a refusal: " + agent.summary());
    }
}
