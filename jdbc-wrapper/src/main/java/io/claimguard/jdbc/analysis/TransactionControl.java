package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.analysis.SqlLexer.Token;
import io.claimguard.jdbc.policy.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement does to the transaction, by its first words: the driver's error scrubber keeps
 * what a transaction touched until it ends, since a deferred constraint reports at commit.
 */
public enum TransactionControl {
    NONE,
    /** {@code BEGIN}, {@code START TRANSACTION}, {@code SET autocommit}, {@code XA START}: a transaction begun by SQL text. */
    BEGINS,
    /** {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}, {@code XA COMMIT}, {@code COMMIT PREPARED}. */
    ENDS;

    private static final Set<String> FIRST_WORDS = Set.of("begin", "start", "commit", "end", "rollback", "abort", "xa",
            "set");

    static TransactionControl of(String sql, Dialect dialect) {
        if (!mayControl(sql)) {
            return NONE;
        }
        List<Token> tokens = SqlLexer.tokens(sql, SqlLexer.variants(dialect).get(0));
        if (tokens == null || tokens.isEmpty()) {
            return NONE;
        }
        String first = tokens.get(0).text().toLowerCase(Locale.ROOT);
        String second = tokens.size() > 1 ? tokens.get(1).text().toLowerCase(Locale.ROOT) : "";
        switch (first) {
            case "begin":
            case "start":
                return BEGINS;
            case "commit":
            case "end":
            case "rollback":
            case "abort":
                return second.equals("to") ? NONE : ENDS;   // ROLLBACK TO SAVEPOINT keeps the transaction
            case "xa":
                return second.equals("start") || second.equals("begin") ? BEGINS : ENDS;
            case "set":
                return tokens.stream().anyMatch(token -> token.isWord("autocommit")) ? BEGINS : NONE;
            default:
                return NONE;
        }
    }

    /** Whether the text starts with one of the first words above, or with a comment: the cheap test before lexing. */
    private static boolean mayControl(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end == start) {
            return start < sql.length() && "/-#".indexOf(sql.charAt(start)) >= 0;
        }
        return FIRST_WORDS.contains(sql.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** The control of a text of several statements: the last one's that does anything. */
    static TransactionControl last(List<TransactionControl> controls) {
        TransactionControl result = NONE;
        for (TransactionControl control : controls) {
            if (control != NONE) {
                result = control;
            }
        }
        return result;
    }
}
