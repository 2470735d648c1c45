package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A prepared statement: its SQL is analysed once, when prepared; the subject is read on every
 * run. The shape of its first result is kept across runs and the masks for the latest subject are
 * reused, so a repeated point select pays for one array lookup per cell.
 *
 * @param <S> the driver's statement type
 */
abstract class GuardedPreparedStatement<S extends PreparedStatement> extends GuardedStatement<S>
        implements PreparedStatement {
    final Analysis analysis;
    private ResultShape shape;
    /** The column count {@link #shape} was read for, to compare on later runs; -1 when it cannot change. */
    private int shapeColumns;
    private Subject planSubject;
    private MaskPlan plan;

    /** What the application bound, kept only when the statement writes protected columns. */
    private final BoundParameters parameters;

    GuardedPreparedStatement(S delegate, GuardedConnection connection, Analysis analysis) {
        super(delegate, connection);
        this.analysis = analysis;
        this.parameters = analysis.writeBack().writes().isEmpty() ? null : new BoundParameters();
    }

    /**
     * Where the driver's statement takes the application's parameter: write-back flags added to
     * the driver's text move the parameters after them.
     */
    final int position(int parameterIndex) {
        return analysis.writeBack().position(parameterIndex);
    }

    /** Whether setters must {@link #record} what they bind. */
    final boolean recordsParameters() {
        return parameters != null;
    }

    final void record(int parameterIndex, Object value, BoundParameters.Binder binder) {
        parameters.set(parameterIndex, value, binder);
    }

    /** Binds the write-back flags for {@code run}, refusing writes its subject may not make. */
    private void bindKeepFlags(Execution run) throws SQLException {
        if (parameters == null) {
            return;
        }
        boolean[] keep = checkWrites(run, parameters);
        for (int flag = 1; flag <= keep.length; flag++) {
            delegate.setInt(analysis.writeBack().flagPosition(flag), keep[flag - 1] ? 1 : 0);
        }
    }

    @Override
    public void clearParameters() throws SQLException {
        delegate.clearParameters();
        if (parameters != null) {
            parameters.clear();
        }
    }

    @Override
    public void addBatch() throws SQLException {
        if (parameters != null) {
            Execution now = enforcement.begin(analysis, true);
            bindKeepFlags(now);
            checkedForBatch(now.subject(), analysis);
            batchAnalysis = analysis;
            audit(now, MaskPlan.NOTHING_MASKED);
        }
        delegate.addBatch();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        ParameterMetaData raw = delegate.getParameterMetaData();
        return analysis.writeBack().movesParameters() ? new MovedParameterMetaData(raw, analysis.writeBack()) : raw;
    }

    @Override
    final MaskPlan plan(ResultSet raw, int index) throws SQLException {
        if (execution == null || index > 0 || execution.analysis() != analysis
                || analysis.resultAt(0) != analysis) {   // null: refused, see begin; several statements: see resultAt
            return super.plan(raw, index);
        }
        if (shape == null || (shapeColumns >= 0 && raw.getMetaData().getColumnCount() != shapeColumns)) {
            // first run, or the table changed under a SELECT *: read the shape again
            shape = enforcement.shape(raw, analysis);
            shapeColumns = columnsToWatch(raw);
            plan = null;
        }
        Subject subject = execution.subject();
        if (plan == null || subject != planSubject) {
            plan = shape.planFor(subject);
            planSubject = subject;
        }
        return plan;
    }

    /**
     * The column count of {@code raw}, when later runs may return another; -1 when nothing is
     * protected or the text names every column (no {@code *}): then no run reads the metadata again.
     */
    private int columnsToWatch(ResultSet raw) throws SQLException {
        if (analysis.touched().isEmpty()) {
            return -1;
        }
        int columns = raw.getMetaData().getColumnCount();
        return analysis.namesEveryColumn(columns) ? -1 : columns;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        begin(analysis);
        bindKeepFlags(execution);
        try {
            return wrap(delegate.executeQuery());   // the hot path: no lambda
        } catch (SQLException e) {
            throw scrub(e);
        }
    }

    @Override
    public boolean execute() throws SQLException {
        begin(analysis);
        bindKeepFlags(execution);
        return scrubbed(delegate::execute);
    }

    @Override
    public int executeUpdate() throws SQLException {
        begin(analysis);
        bindKeepFlags(execution);
        return scrubbed(delegate::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        begin(analysis);
        bindKeepFlags(execution);
        return scrubbed(delegate::executeLargeUpdate);
    }

    @Override
    final void beginBatch() throws SQLException {
        super.beginBatch();
        Execution texts = execution;
        begin(analysis);
        if (texts != null && texts.lacksAccess()) {
            execution = texts;
        }
    }
}
