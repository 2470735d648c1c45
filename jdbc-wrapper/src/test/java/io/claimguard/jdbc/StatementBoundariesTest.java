package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the database ends a statement decides which statement each result of a text comes from.
 * Texts whose statements end differently on different databases, or under different readings of
 * one: every result must still be masked by the statement that produced it, or the text refused.
 * <ul>
 *   <li>MariaDB runs {@code --} and {@code #} comments to the line feed, PostgreSQL ends them at a
 *       lone carriage return too (the bypass corpus cannot hold one: its lines are trimmed);</li>
 *   <li>MariaDB runs IF and {@code BEGIN NOT ATOMIC} blocks outside stored programs as one
 *       statement with semicolons inside, answering one result per inner query.</li>
 * </ul>
 */
@ExtendWith(ConformancePolicy.class)
class StatementBoundariesTest {
    static Stream<Arguments> texts() {
        List<Arguments> texts = new ArrayList<>();
        for (TestDatabase db : TestDatabase.available()) {
            texts.add(Arguments.of(db, db.selectOnly("1") + " -- a comment\r; SELECT name FROM cg_customers\n;"
                    + " SELECT email FROM cg_customers"));
        }
        if (TestDatabase.available().contains(TestDatabase.MARIADB)) {
            texts.add(Arguments.of(TestDatabase.MARIADB, "BEGIN NOT ATOMIC IF 1 = 1 THEN SELECT 1; END IF;"
                    + " SELECT name FROM cg_customers; END; SELECT email FROM cg_customers"));
            texts.add(Arguments.of(TestDatabase.MARIADB, "IF 1 = 1 THEN SELECT 1; SELECT 2; END IF;"
                    + " SELECT email FROM cg_customers"));
        }
        return texts.stream();
    }

    @ParameterizedTest
    @MethodSource("texts")
    void everyResult_isMaskedByTheStatementThatProducedIt(TestDatabase db, String text) throws SQLException {
        db.prepare();
        Received agent = new Received();
        int results = 0;
        try (Connection c = DriverManager.getConnection(db.guardedUrl()
                + (db == TestDatabase.MARIADB ? "&allowMultiQueries=true" : ""));
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT); Statement s = c.createStatement()) {
            try {
                boolean isResultSet = s.execute(text);
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
