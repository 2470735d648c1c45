package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
                if (opensCompoundStatement(statement, dialect)) {
                    return null;
                }
                statements.add(statement);
            }
            start = end + 1;
        }
        return statements.size() <= 1 ? List.of(sql) : statements;
    }

    /**
     * Where statements end under {@code rules}, or null when a literal or comment never closes.
     * With {@link SqlLexer.Rules#semicolonsInParentheses} unset, a semicolon inside parentheses
     * ends nothing, as pgjdbc, which cuts PostgreSQL texts before the server does, reads it.
     */
    private static List<Integer> semicolons(String sql, SqlLexer.Rules rules) {
        List<SqlLexer.Token> tokens = SqlLexer.tokens(sql, rules);
        if (tokens == null) {
            return null;
        }
        List<Integer> ends = new ArrayList<>();
        int depth = 0;
        for (SqlLexer.Token token : tokens) {
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth = Math.max(0, depth - 1);
            } else if (token.kind() == SqlLexer.Kind.SEMICOLON && (depth == 0 || rules.semicolonsInParentheses())) {
                ends.add(token.start());
            }
        }
        return ends;
    }

    /**
     * MariaDB runs IF, CASE, LOOP, REPEAT, WHILE, FOR and {@code BEGIN NOT ATOMIC} blocks outside
     * stored programs, as one statement with semicolons inside that yields a result per inner
     * query: no cut at semicolons tells its results apart.
     */
    private static boolean opensCompoundStatement(String statement, Dialect dialect) {
        if (dialect != Dialect.MARIADB && dialect != Dialect.GENERIC) {
            return false;
        }
        List<SqlLexer.Token> tokens = SqlLexer.tokens(statement, SqlLexer.variants(dialect).get(0));
        if (tokens == null || tokens.isEmpty()) {
            return false;
        }
        SqlLexer.Token first = tokens.get(0);
        SqlLexer.Token second = tokens.size() > 1 ? tokens.get(1) : null;
        return COMPOUND.contains(first.text().toLowerCase(Locale.ROOT))
                || (first.isWord("begin") && second != null && second.isWord("not"))
                || (second != null && second.isSymbol(':'));   // label: BEGIN ... END label
    }

    private static final Set<String> COMPOUND = Set.of("if", "case", "loop", "repeat", "while", "for", "declare");
}
