package io.claimguard.jdbc;

import io.claimguard.jdbc.analysis.Analysis;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A callable statement. A routine's body is invisible to analysis, so when the subject lacks
 * access to any protected column, its OUT parameters read as NULL (under
 * {@code on_unparseable: mask}; under {@code deny} the call is refused before it runs). The
 * generated {@link DelegatingCallableStatement} applies {@link #hidesOutput()} to every OUT getter.
 */
abstract class GuardedCallableStatement extends GuardedPreparedStatement<CallableStatement>
        implements CallableStatement {

    GuardedCallableStatement(CallableStatement delegate, GuardedConnection connection, Analysis analysis) {
        super(delegate, connection, analysis);
    }

    /** Also when no run was allowed: a refused run must not leave the previous run's OUT values readable. */
    final boolean hidesOutput() {
        return execution == null || execution.hidesUnattributedOutput();
    }

    @Override
    public final boolean wasNull() throws SQLException {
        return hidesOutput() || delegate.wasNull();
    }

    @Override
    public final Object getObject(int parameter) throws SQLException {
        return hidesOutput() ? null : cursorSafe(delegate.getObject(parameter));
    }

    @Override
    public final Object getObject(String parameter) throws SQLException {
        return hidesOutput() ? null : cursorSafe(delegate.getObject(parameter));
    }

    @Override
    public final Object getObject(int parameter, Map<String, Class<?>> map) throws SQLException {
        return hidesOutput() ? null : cursorSafe(delegate.getObject(parameter, map));
    }

    @Override
    public final Object getObject(String parameter, Map<String, Class<?>> map) throws SQLException {
        return hidesOutput() ? null : cursorSafe(delegate.getObject(parameter, map));
    }

    @Override
    public final <T> T getObject(int parameter, Class<T> type) throws SQLException {
        if (hidesOutput()) {
            return null;
        }
        T value = delegate.getObject(parameter, type);
        return value instanceof ResultSet ? type.cast(cursorSafe(value)) : value;
    }

    @Override
    public final <T> T getObject(String parameter, Class<T> type) throws SQLException {
        if (hidesOutput()) {
            return null;
        }
        T value = delegate.getObject(parameter, type);
        return value instanceof ResultSet ? type.cast(cursorSafe(value)) : value;
    }
}
