package io.claimguard.jdbc;

import io.claimguard.jdbc.policy.ColumnRule;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * The exceptions ClaimGuard raises to refuse an operation. Every message names the column or the
 * rule involved and never a value, a bind parameter or the SQL text (which may carry literals).
 */
final class Denials {
    /** SQLState for "insufficient privilege", which applications already treat as a refusal. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private Denials() {
    }

    static SQLException denied(String reason) {
        return new SQLException("ClaimGuard denied the statement: " + reason, INSUFFICIENT_PRIVILEGE);
    }

    /** The driver's warnings, withheld for the same reason as {@link #withheld} errors. */
    static SQLWarning withheldWarnings(SQLWarning first, ColumnRule involved) {
        int count = 0;
        for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
            count++;
        }
        return new SQLWarning(count + " database warning(s) withheld because the statement involves protected column "
                + involved + ", which this subject may not see", first.getSQLState(), first.getErrorCode());
    }

    /**
     * The database's error with its message withheld, since it may quote a protected value. The
     * SQLState and vendor code survive, so applications still tell a duplicate key from a syntax
     * error; the original is not chained, as its message is the leak.
     */
    static SQLException withheld(SQLException original, ColumnRule involved) {
        String message = "the database refused the statement (SQLState " + original.getSQLState() + ", code "
                + original.getErrorCode() + "); its message is withheld because the statement involves protected column "
                + involved + ", which this subject may not see";
        if (original instanceof BatchUpdateException batch) {
            return new BatchUpdateException(message, original.getSQLState(), original.getErrorCode(), batch.getLargeUpdateCounts(), null);
        }
        return new SQLException(message, original.getSQLState(), original.getErrorCode());
    }
}
