package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.RoutineCall;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A callable statement. A routine's body is invisible to analysis, so when the subject lacks
 * access to any protected column, its OUT parameters read as NULL (under
 * {@code on_unparseable: mask}; under {@code deny} the call is refused before it runs). A routine
 * whose OUT parameters the configuration names is called for every subject, and only the OUT
 * parameters mapped to a column the subject may not see read as NULL. Each run decides this once,
 * as a {@link MaskPlan} of its {@link OutParameters}, which the run's audit event reports as it
 * reports a result's masks (and report mode, what it would have hidden). The generated
 * {@link DelegatingCallableStatement} applies {@link #hidesOutput(int)} to every OUT getter.
 */
abstract class GuardedCallableStatement extends GuardedPreparedStatement<CallableStatement>
        implements CallableStatement {

    /** The OUT values of the prepared call. */
    private final OutParameters prepared;
    /**
     * The OUT values of the latest run, and their masks for its subject (kept while runs repeat
     * both); no masks before the first run, when every OUT value reads as hidden.
     */
    private OutParameters outParameters;
    private MaskPlan outPlan;
    private Subject outSubject;
    /** The routine's argument names by position (0: return value), read once when first needed. */
    private String[] argumentNames;
    /** Whether the latest OUT getter hid its value, for {@link #wasNull()}. */
    private boolean lastHidden;

    GuardedCallableStatement(CallableStatement delegate, GuardedConnection connection, Analysis analysis) {
        super(delegate, connection, analysis);
        this.prepared = OutParameters.of(analysis);
        this.outParameters = prepared;
    }

    @Override
    final void began(Execution run) {
        OutParameters now = run.analysis() == analysis ? prepared : OutParameters.of(run.analysis());
        if (outPlan == null || now != outParameters || run.subject() != outSubject) {
            outParameters = now;
            outPlan = now.planFor(run.subject());
            outSubject = run.subject();
        }
        run.outValues(outPlan);
    }

    /** Also when no run was allowed: a refused run must not leave the previous run's OUT values readable. */
    private boolean hidesOutput() {
        return execution == null || outParameters.hidesAll(outPlan);
    }

    final boolean hidesOutput(int parameter) throws SQLException {
        audit(execution, MaskPlan.NOTHING_MASKED);   // reading an OUT value reads the run's output: its event is due
        RoutineCall call = outParameters.call();
        lastHidden = hidesOutput()
                || (call != null && outParameters.hides(outPlan, argumentName(call, call.argumentOf(parameter))));
        return lastHidden;
    }

    final boolean hidesOutput(String parameter) {
        audit(execution, MaskPlan.NOTHING_MASKED);
        lastHidden = hidesOutput() || outParameters.hides(outPlan, parameter);
        return lastHidden;
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
    public boolean wasNull() throws SQLException {
        return lastHidden || hidesOutput() || delegate.wasNull();
    }

    @Override
    public Object getObject(int parameter) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter));
    }

    @Override
    public Object getObject(String parameter) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter));
    }

    @Override
    public Object getObject(int parameter, Map<String, Class<?>> map) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter, map));
    }

    @Override
    public Object getObject(String parameter, Map<String, Class<?>> map) throws SQLException {
        return hidesOutput(parameter) ? null : cursorSafe(delegate.getObject(parameter, map));
    }

    @Override
    public <T> T getObject(int parameter, Class<T> type) throws SQLException {
        if (hidesOutput(parameter)) {
            return null;
        }
        T value = delegate.getObject(parameter, type);
        return value instanceof ResultSet ? type.cast(cursorSafe(value)) : value;
    }

    @Override
    public <T> T getObject(String parameter, Class<T> type) throws SQLException {
        if (hidesOutput(parameter)) {
            return null;
        }
        T value = delegate.getObject(parameter, type);
        return value instanceof ResultSet ? type.cast(cursorSafe(value)) : value;
    }
}
