package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL text cut into the statements the database runs from it (H2 runs every statement of a
 * text; PostgreSQL and MariaDB with {@code allowMultiQueries} do too), so that each can be
 * analysed as if it had been sent alone.
 *
 * <p>A semicolon ends a statement only outside literals, quoted identifiers and comments, read
 * by the database's own lexical rules ({@link SqlLexer}). Where those rules depend on a server
 * setting, the text must split the same way under every reading; otherwise, or when a literal or
 * comment never closes, the split is ambiguous and none is given.
 */
final class StatementTexts {
    private StatementTexts() {
    }

    /**
     * The statements of {@code sql} in the order the database runs them: the text between
     * semicolons, trimmed, with the empty ones left out (a comment alone is kept: PostgreSQL and
     * MariaDB answer it with a result of its own). A text of one statement is returned whole.
     *
     * @return the statements, or null when the split is ambiguous
     */
    static List<String> split(String sql, Dialect dialect) {
        if (sql.indexOf(';') < 0) {
            return List.of(sql);
        }
        List<Integer> ends = null;
        for (SqlLexer.Rules rules : SqlLexer.variants(dialect)) {
            List<Integer> found = semicolons(sql, rules);
            if (found == null || (ends != null && !ends.equals(found))) {
                return null;
            }
            ends = found;
        }
        List<String> statements = new ArrayList<>();
        int start = 0;
        ends.add(sql.length());
        for (int end : ends) {
            String statement = sql.substring(start, end).strip();
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
            start = end + 1;
        }
        return statements.size() <= 1 ? List.of(sql) : statements;
    }

    /** Where statements end under {@code rules}, or null when a literal or comment never closes. */
    private static List<Integer> semicolons(String sql, SqlLexer.Rules rules) {
        List<SqlLexer.Token> tokens = SqlLexer.tokens(sql, rules);
        if (tokens == null) {
            return null;
        }
        List<Integer> ends = new ArrayList<>();
        for (SqlLexer.Token token : tokens) {
            if (token.kind() == SqlLexer.Kind.SEMICOLON) {
                ends.add(token.start());
            }
        }
        return ends;
    }
}
