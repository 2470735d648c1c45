package io.claimguard.jdbc;

import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.RoutineCall;
import io.claimguard.jdbc.policy.ColumnRule;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A callable statement. A routine's body is invisible to analysis, so when the subject lacks
 * access to any protected column, its OUT parameters read as NULL (under
 * {@code on_unparseable: mask}; under {@code deny} the call is refused before it runs). A routine
 * whose OUT parameters the configuration names is called for every subject, and only the OUT
 * parameters mapped to a column the subject may not see read as NULL. The generated
 * {@link DelegatingCallableStatement} applies {@link #hidesOutput(int)} to every OUT getter.
 */
abstract class GuardedCallableStatement extends GuardedPreparedStatement<CallableStatement>
        implements CallableStatement {

    /** The routine's argument names by position (0: return value), read once when first needed. */
    private String[] argumentNames;
    /** Whether the latest OUT getter hid its value, for {@link #wasNull()}. */
    private boolean lastHidden;

    GuardedCallableStatement(CallableStatement delegate, GuardedConnection connection, Analysis analysis) {
        super(delegate, connection, analysis);
    }

    /** Also when no run was allowed: a refused run must not leave the previous run's OUT values readable. */
    private boolean hidesOutput() {
        return execution == null || execution.hidesUnattributedOutput();
    }

    final boolean hidesOutput(int parameter) throws SQLException {
        RoutineCall call = analysis.routineCall();
        lastHidden = hidesOutput() || (call != null && hides(argumentName(call, call.argumentOf(parameter))));
        return lastHidden;
    }

    final boolean hidesOutput(String parameter) {
        RoutineCall call = analysis.routineCall();
        lastHidden = hidesOutput() || (call != null && hides(parameter));
        return lastHidden;
    }

    /** Whether OUT parameter {@code name} is mapped to a column hidden from this run's subject; an unknown name: any. */
    private boolean hides(String name) {
        RoutineCall call = analysis.routineCall();
        if (name == null) {
            return call.routine().out().values().stream().anyMatch(rule -> rule.hides(execution.subject()));
        }
        ColumnRule rule = call.out(name);
        return rule != null && rule.hides(execution.subject());
    }

    /** The name of the routine's argument at {@code position}, from the driver's metadata; null if unknown. */
    private String argumentName(RoutineCall call, int position) throws SQLException {
        if (argumentNames == null) {
            argumentNames = RoutineArguments.names(connection.delegate.getMetaData(), call.routine(),
                    enforcement.dialect());
        }
        return position >= 0 && position < argumentNames.length ? argumentNames[position] : null;
    }

    @Override
    public final boolean wasNull() throws SQLException {
        return lastHidden || hidesOutput() || delegate.wasNull();
    }

    @Override
    public final Object getObject(int parameter) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter));
    }

    @Override
    public final Object getObject(String parameter) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter));
    }

    @Override
    public final Object getObject(int parameter, Map<String, Class<?>> map) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter, map));
    }

    @Override
    public final Object getObject(String parameter, Map<String, Class<?>> map) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter, map));
    }

    @Override
    public final <T> T getObject(int parameter, Class<T> type) throws SQLException {
        if (hidesOutput(parameter)) {
            return null;
        }
        T value = delegate.getObject(parameter, type);
        return value instanceof ResultSet ? type.cast(cursorSafe(value)) : value;
    }

    @Override
    public final <T> T getObject(String parameter, Class<T> type) throws SQLException {
        if (hidesOutput(parameter)) {
            return null;
        }
        T value = delegate.getObject(parameter, type);
        return value instanceof ResultSet ? type.cast(cursorSafe(value)) : value;
    }
}
