package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement that checks each SQL text against the policy when it executes and wraps every
 * result set it produces, including generated keys and the further results of
 * {@code getMoreResults}. {@link DelegatingStatement} passes the rest through.
 *
 * @param <S> the driver's statement type, so that subclasses reach their own methods
 */
abstract class GuardedStatement<S extends Statement> implements Statement {
    final S delegate;
    final GuardedConnection connection;
    final Enforcement enforcement;
    /** The latest run; its subject stays with every result it produced. */
    Execution execution;
    private final List<String> batch = new ArrayList<>();
    /** Whether an entry of the pending batch was checked for {@link #batchSubject} when added. */
    private boolean batchChecked;
    private Subject batchSubject;
    /** The analysis of a checked entry of the pending batch, for the audit event of its refusal. */
    Analysis batchAnalysis;
    private ResultSet rawResult;
    private ResultSet wrappedResult;
    /** How many results of the latest run have been wrapped. */
    private int resultsWrapped;
    /**
     * Which result of the latest run is current: 0 for the one it returned, one more for each
     * {@code getMoreResults}; in a text of several statements, the statement that produced it.
     */
    private int position;
    /** The latest audit decision, reused while runs repeat it. */
    private Decision lastDecision;

    GuardedStatement(S delegate, GuardedConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
        this.enforcement = connection.enforcement;
    }

    final void begin(String sql) throws SQLException {
        begin(enforcement.analyze(sql));
    }

    final void begin(Analysis analysis) throws SQLException {
        // Forget the previous run first: if this one is refused, its subject's results and OUT
        // values must not stay readable through this statement. A previous run whose result was
        // never read showed nothing masked.
        audit(execution, MaskPlan.NOTHING_MASKED);
        Execution previous = execution;
        execution = null;
        rawResult = null;
        wrappedResult = null;
        resultsWrapped = 0;
        position = 0;
        execution = enforcement.begin(analysis, !connection.readingShown, previous);
        connection.scrubber.beginning(execution);
        connection.latest = execution;
        connection.beginning(analysis);
        began(execution);
    }

    /** Called once a run is allowed to start, before it reaches the driver: what a subclass decides per run. */
    void began(Execution run) {
    }

    /** A call to the driver that may fail. */
    @FunctionalInterface
    interface DriverCall<T> {
        T call() throws SQLException;
    }

    /** A call to the driver with the SQL text to run. */
    @FunctionalInterface
    interface TextCall<T> {
        T call(String sql) throws SQLException;
    }

    /**
     * Checks {@code sql} for the current subject, then runs it on the driver: as it is, or with
     * written-back masks keeping their stored values.
     */
    final <T> T run(String sql, TextCall<T> call) throws SQLException {
        begin(sql);
        String text = sql;
        if (!execution.analysis().writeBack().writes().isEmpty()) {
            text = execution.analysis().writeBack().plainSql(sql, checkWrites(execution, null));
        }
        String checked = text;
        return scrubbed(() -> call.call(checked));
    }

    /**
     * The keep flags for a run that writes protected columns ({@link WriteCheck}); a refused
     * write leaves no run behind, as a refused statement does not.
     */
    final boolean[] checkWrites(Execution run, BoundParameters parameters) throws SQLException {
        try {
            return WriteCheck.keepFlags(run, parameters, connection);
        } catch (SQLException denied) {
            if (run == execution) {
                execution = null;
            }
            throw denied;
        }
    }

    /**
     * A batch entry that writes protected columns is checked when it is added, for the subject
     * current then: the values it writes are known only at that moment. The batch may then only
     * run for that subject.
     */
    final void checkedForBatch(Subject subject, Analysis entry) throws SQLException {
        if (batchChecked && batchSubject != subject) {
            Execution run = enforcement.begin(entry, true);
            if (enforcement.policy().mode() == Mode.ENFORCE) {
                throw run.denied(DenialReason.BATCH_SUBJECTS, null,
                        "a batch that writes protected columns was built for two subjects");
            }
            run.wouldDeny(DenialReason.BATCH_SUBJECTS, null);
            audit(run, MaskPlan.NOTHING_MASKED);
        }
        batchChecked = true;
        batchSubject = subject;
    }

    /**
     * Runs a checked statement on the driver. When it involved a protected column this subject may
     * not see, the database's own error message is withheld: messages such as "invalid input
     * syntax for type integer" or duplicate-key details quote the values they tripped on.
     */
    final <T> T scrubbed(DriverCall<T> call) throws SQLException {
        try {
            T result = call.call();
            connection.ranSuccessfully();
            connection.scrubber.ran(execution);
            if (!(result instanceof ResultSet) && !Boolean.TRUE.equals(result)) {
                audit(execution, MaskPlan.NOTHING_MASKED);   // no result to wait for
            }
            return result;
        } catch (SQLException e) {
            audit(execution, MaskPlan.NOTHING_MASKED);
            throw scrub(e);
        }
    }

    /**
     * Writes {@code run}'s audit event if it is still to be written: what {@code plan}, its first
     * result's masks, hides, and what its writes kept.
     */
    final void audit(Execution run, MaskPlan plan) {
        if (run != null && run.takeAudit()) {
            writeAudit(run, plan);
        }
    }

    /** Kept apart from the check above, which every run makes and the JIT can then inline. */
    private void writeAudit(Execution run, MaskPlan plan) {
        Decision decision = lastDecision;
        if (decision == null || !decision.describes(run, plan)) {
            decision = Decision.ran(run, plan);
            lastDecision = decision;
        }
        run.audit().write(decision);
    }

    /** What a call on this statement throws for {@code e}, which the driver threw ({@link ErrorScrubber}). */
    final SQLException scrub(SQLException e) {
        return connection.scrubber.scrub(e, execution);
    }

    final SQLWarning scrub(SQLWarning warnings) {
        return connection.scrubber.scrub(warnings, execution);
    }

    /** A run whose result was never read writes its event now, as the next run would. */
    @Override
    public void close() throws SQLException {
        audit(execution, MaskPlan.NOTHING_MASKED);
        delegate.close();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return scrub(delegate.getWarnings());
    }

    /** Wraps a result of the latest run, once: asking twice returns the same wrapper. */
    final ResultSet wrap(ResultSet raw) throws SQLException {
        if (raw == null) {
            return null;
        }
        if (raw != rawResult) {
            rawResult = raw;
            int index = resultsWrapped++;
            MaskPlan plan = plan(raw, index);
            wrappedResult = new DelegatingResultSet(raw, plan, this, connection);
            if (index == 0) {
                audit(execution, plan);
            }
        }
        return wrappedResult;
    }

    /**
     * The masks for a result of the latest run.
     *
     * @param index 0 for the run's first result, 1 for the next one ({@code getMoreResults})...
     */
    MaskPlan plan(ResultSet raw, int index) throws SQLException {
        if (execution == null) {
            throw Denials.raised("ClaimGuard: a result set was produced by no checked execution", "HY010");
        }
        Analysis produced = execution.analysis().resultAt(position);
        return index == 0 ? enforcement.firstResultPlan(raw, produced, execution.subject())
                : enforcement.plan(raw, produced, execution.subject());
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        position++;
        return delegate.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        position++;
        return delegate.getMoreResults(current);
    }

    /**
     * A value read from a result or OUT parameter, made safe to hand out: a cursor (a result set
     * returned as a value) carries rows no analysis has seen, so it is wrapped and masked as the
     * output of a routine call.
     */
    final Object cursorSafe(Object value) throws SQLException {
        if (value instanceof ResultSet cursor) {
            Execution run = execution == null ? new Execution(null, enforcement.routineCall()) : execution;
            return new DelegatingResultSet(cursor, enforcement.cursorPlan(cursor, run.subject()), this, connection);
        }
        return value;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return wrap(run(sql, text -> delegate.executeQuery(text)));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(sql, text -> delegate.execute(text));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, text -> delegate.execute(text, autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return run(sql, text -> delegate.execute(text, columnIndexes));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return run(sql, text -> delegate.execute(text, columnNames));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return run(sql, text -> delegate.executeUpdate(text));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, text -> delegate.executeUpdate(text, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return run(sql, text -> delegate.executeUpdate(text, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return run(sql, text -> delegate.executeUpdate(text, columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return run(sql, text -> delegate.executeLargeUpdate(text));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, text -> delegate.executeLargeUpdate(text, autoGeneratedKeys));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return run(sql, text -> delegate.executeLargeUpdate(text, columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return run(sql, text -> delegate.executeLargeUpdate(text, columnNames));
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        Analysis analysis = enforcement.analyze(sql);   // fails now on null SQL rather than at executeBatch
        String text = sql;
        if (!analysis.writeBack().writes().isEmpty()) {
            Execution now = enforcement.begin(analysis, true);
            text = analysis.writeBack().plainSql(sql, checkWrites(now, null));
            checkedForBatch(now.subject(), analysis);
            batchAnalysis = analysis;
            audit(now, MaskPlan.NOTHING_MASKED);
        }
        delegate.addBatch(text);
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        delegate.clearBatch();
        batch.clear();
        batchChecked = false;
        batchSubject = null;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        beginBatch();
        return scrubbed(delegate::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        beginBatch();
        return scrubbed(delegate::executeLargeBatch);
    }

    /**
     * Checks every text of the batch for the subject current now, when the batch runs. The run
     * kept for scrubbing errors is one that involves a hidden column, if any entry does: an
     * error from any entry may quote it.
     */
    void beginBatch() throws SQLException {
        Execution hiding = null;
        try {
            for (String sql : batch) {
                begin(sql);
                if (hiding == null && execution.lacksAccess()) {
                    hiding = execution;
                }
            }
            if (batchChecked) {
                checkedForBatch(enforcement.actingSubject(), batchAnalysis);
            }
        } catch (SQLException denied) {
            try {
                delegate.clearBatch();   // a refused batch must not run on a later executeBatch
            } catch (SQLException e) {
                denied.addSuppressed(scrub(e));
            }
            throw denied;
        } finally {
            batch.clear();   // the driver clears its batch after executeBatch, success or not
            batchChecked = false;
            batchSubject = null;
        }
        if (hiding != null) {
            execution = hiding;
        }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return wrap(delegate.getResultSet());
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        if (execution == null) {
            // nothing ran, or the latest run was refused: the driver would hand out an older run's keys
            throw Denials.raised("ClaimGuard: no allowed statement has run on this statement", "HY010");
        }
        ResultSet raw = delegate.getGeneratedKeys();
        return raw == null ? null : new DelegatingResultSet(raw, enforcement.keysPlan(raw, execution), this, connection);
    }

    @Override
    public final Connection getConnection() {
        return connection;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, enforcement.policy().allowUnwrap());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, enforcement.policy().allowUnwrap());
    }

    @Override
    public String toString() {
        return "ClaimGuard[" + delegate + "]";
    }
}
