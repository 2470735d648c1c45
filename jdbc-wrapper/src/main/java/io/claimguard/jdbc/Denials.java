package io.claimguard.jdbc;

import io.claimguard.jdbc.policy.ColumnRule;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * The exceptions ClaimGuard raises: refusals, its own errors, and the database's errors once
 * scrubbed. Every message names the column or the rule involved and never a value, a bind
 * parameter or the SQL text (which may carry literals). They are {@link Raised}, so that the
 * {@link ErrorScrubber} lets them pass as they are.
 */
final class Denials {
    /** SQLState for "insufficient privilege", which applications already treat as a refusal. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** An exception ClaimGuard raised itself, or one it scrubbed already. */
    interface Raised {
    }

    private static final class RaisedException extends SQLException implements Raised {
        RaisedException(String message, String sqlState, int vendorCode) {
            super(message, sqlState, vendorCode);
        }
    }

    private static final class RaisedBatchException extends BatchUpdateException implements Raised {
        RaisedBatchException(String message, String sqlState, int vendorCode, long[] updateCounts) {
            super(message, sqlState, vendorCode, updateCounts, null);
        }
    }

    private Denials() {
    }

    static SQLException denied(String reason) {
        return raised("ClaimGuard denied the statement: " + reason, INSUFFICIENT_PRIVILEGE);
    }

    /** An error of ClaimGuard's own, such as a call out of sequence. */
    static SQLException raised(String message, String sqlState) {
        return new RaisedException(message, sqlState, 0);
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
        return alike(original, "the database refused the statement (SQLState " + original.getSQLState() + ", code "
                + original.getErrorCode() + "); its message is withheld because the statement or its transaction"
                + " involves protected column " + involved + ", which this subject may not see");
    }

    /** The database's error with its message, without the causes and next exceptions that may quote a withheld one. */
    static SQLException withoutCauses(SQLException original) {
        return alike(original, original.getMessage());
    }

    /** A new exception of the same kind (a batch's keeps its update counts), with {@code message} and nothing chained. */
    private static SQLException alike(SQLException original, String message) {
        if (original instanceof BatchUpdateException batch) {
            return new RaisedBatchException(message, original.getSQLState(), original.getErrorCode(),
                    batch.getLargeUpdateCounts());
        }
        return new RaisedException(message, original.getSQLState(), original.getErrorCode());
    }
}
