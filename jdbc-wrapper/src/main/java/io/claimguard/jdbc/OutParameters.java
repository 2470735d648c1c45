package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.RoutineCall;
import io.claimguard.jdbc.policy.ColumnRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the OUT values of a call derive from, for {@link GuardedCallableStatement}: an OUT
 * parameter the configuration maps to a column ({@code out:}) derives from that column; when the
 * call cannot be analysed, every OUT value derives from every protected column it may touch. Kept
 * as a {@link ResultShape}, so that a run's {@link MaskPlan} decides which values read as NULL, and
 * which only report mode would hide, as it does for the columns of a result, and the run's audit
 * event names them the same way.
 */
final class OutParameters {
    private final RoutineCall call;
    /** The distinct columns the configuration maps OUT parameters to; entry {@code i + 1} of the shape. */
    private final ColumnRule[] mapped;
    /** The entry of every OUT value of a call that cannot be analysed; 0 for an analysed one. */
    private final int everyValue;
    private final ResultShape shape;

    private OutParameters(RoutineCall call, ColumnRule[] mapped, int everyValue, ResultShape shape) {
        this.call = call;
        this.mapped = mapped;
        this.everyValue = everyValue;
        this.shape = shape;
    }

    static OutParameters of(Analysis analysis) {
        RoutineCall call = analysis.routineCall();
        List<ColumnRule> mapped = new ArrayList<>();
        if (call != null) {
            call.routine().out().values().stream().distinct().forEach(mapped::add);
        }
        List<List<ColumnRule>> values = new ArrayList<>();
        mapped.forEach(rule -> values.add(List.of(rule)));
        int everyValue = 0;
        if (analysis.unanalysable() != null && !analysis.touched().isEmpty()) {
            List<ColumnRule> touched = new ArrayList<>(analysis.touched());
            touched.sort(Comparator.comparing(ColumnRule::toString)); // events name them in the same order every time
            values.add(touched);
            everyValue = values.size();
        }
        return new OutParameters(call, mapped.toArray(new ColumnRule[0]), everyValue, ResultShape.ofOutValues(values));
    }

    /** The call whose OUT parameters are mapped by name, or null. */
    RoutineCall call() {
        return call;
    }

    /** The masks of the OUT values for {@code subject}. */
    MaskPlan planFor(Subject subject) {
        return shape.planFor(subject);
    }

    /** Whether {@code plan} hides every OUT value of the call. */
    boolean hidesAll(MaskPlan plan) {
        return everyValue > 0 && plan.isMasked(everyValue);
    }

    /**
     * Whether {@code plan} hides the OUT parameter {@code name}; for a name that is not known (null),
     * whether it hides any mapped one.
     */
    boolean hides(MaskPlan plan, String name) {
        if (hidesAll(plan)) {
            return true;
        }
        if (call == null) {
            return false;
        }
        ColumnRule rule = name == null ? null : call.out(name);
        for (int i = 0; i < mapped.length; i++) {
            if ((name == null || mapped[i].equals(rule)) && plan.isMasked(i + 1)) {
                return true;
            }
        }
        return false;
    }
}
