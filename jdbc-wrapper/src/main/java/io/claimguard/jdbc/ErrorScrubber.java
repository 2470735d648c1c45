package io.claimguard.jdbc;

import io.claimguard.jdbc.analysis.TransactionControl;
import io.claimguard.jdbc.policy.ColumnRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * The one way out of the driver for a database's errors and warnings, one per connection: every
 * wrapper method passes what its delegate threw through {@link #scrub(SQLException, Execution)}.
 *
 * <p>A message is withheld (its SQLState and vendor code kept) when the statement that raised it
 * involves a protected column its subject may not see, or, for anything else, when a statement of
 * the current transaction did: a deferred constraint reports at {@code commit}, {@code setAutoCommit},
 * or a {@code COMMIT} text, quoting the row it checked. The connection remembers that first hidden
 * column until the transaction ends: a {@code commit} or {@code rollback} call, auto-commit switched
 * on, a statement text ending it, or, in auto-commit mode, the next statement, unless a text began a
 * transaction of its own ({@code BEGIN}).
 */
final class ErrorScrubber {
    private final Connection raw;
    /** The first hidden protected column a statement of the current transaction involved, or null. */
    private ColumnRule hiddenInTransaction;
    /** Whether SQL text began the transaction, so that auto-commit mode does not end it. */
    private boolean begunByText;
    /** Whether an error was withheld on this connection; later ones then lose their causes. */
    private boolean withheldAnError;
    /** The latest error found to quote only what its subject may see, which outer wrappers then pass on as it is. */
    private SQLException visible;
    /**
     * The connection's auto-commit mode, read once and followed through {@link #autoCommitSet}:
     * a repeated statement asks no driver call. Null until first needed.
     */
    private Boolean autoCommit;

    ErrorScrubber(Connection raw) {
        this.raw = raw;
    }

    /** A run is about to reach the driver. */
    void beginning(Execution run) throws SQLException {
        if (hiddenInTransaction != null && !begunByText && autoCommit()) {
            hiddenInTransaction = null;   // the previous statement was a transaction of its own
        }
        if (run.analysis().transactionControl() == TransactionControl.BEGINS) {
            begunByText = true;
        }
        if (hiddenInTransaction == null && run.lacksAccess()) {
            hiddenInTransaction = run.firstHidden();
        }
    }

    /** A run completed without error. */
    void ran(Execution run) {
        if (run != null && run.analysis().transactionControl() == TransactionControl.ENDS) {
            transactionEnded();
        }
    }

    private boolean autoCommit() throws SQLException {
        if (autoCommit == null) {
            autoCommit = raw.getAutoCommit();
        }
        return autoCommit;
    }

    /** The application set auto-commit through the connection; null when the call failed and the mode is unknown. */
    void autoCommitSet(Boolean mode) {
        autoCommit = mode;
    }

    /** Committed, rolled back, or auto-commit switched on. */
    void transactionEnded() {
        hiddenInTransaction = null;
        begunByText = false;
    }

    /**
     * What a wrapper method throws for {@code e}, which its delegate threw.
     *
     * @param run the statement run the error belongs to, or null for calls on the connection and
     *            its metadata
     */
    SQLException scrub(SQLException e, Execution run) {
        if (e instanceof Denials.Raised || e == visible) {
            return e;   // ClaimGuard's own, scrubbed already, or quoting only what the subject may see
        }
        ColumnRule involved = involved(run);
        if (involved != null) {
            withheldAnError = true;
            return Denials.withheld(e, involved);
        }
        // PostgreSQL chains a failed statement's error as the cause of every later "transaction is
        // aborted" error: once one was withheld on this connection, later causes are dropped too.
        if (withheldAnError && (e.getCause() != null || e.getNextException() != null)) {
            return Denials.withoutCauses(e);
        }
        return e;
    }

    /**
     * {@code e} as it is: a getter of a column shown in clear failed, and its message can quote
     * nothing but that column's value (a conversion error), which the subject may see.
     */
    SQLException visible(SQLException e) {
        visible = e;
        return e;
    }

    /** Warnings quote values too (MariaDB: "Truncated incorrect INTEGER value: '...'"). */
    SQLWarning scrub(SQLWarning warnings, Execution run) {
        if (warnings == null) {
            return null;
        }
        ColumnRule involved = involved(run);
        return involved == null ? warnings : Denials.withheldWarnings(warnings, involved);
    }

    /** The hidden column that makes what {@code run} (or, with none, the connection) reports suspect, or null. */
    private ColumnRule involved(Execution run) {
        return run != null && run.lacksAccess() ? run.firstHidden() : hiddenInTransaction;
    }
}
