package io.claimguard.jdbc.catalog;

import io.claimguard.jdbc.mask.ColumnMask;
import io.claimguard.jdbc.policy.ColumnRef;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import io.claimguard.jdbc.policy.RoutineRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a database's objects add to a policy: one per view column and protected column it
 * derives from, and what each routine reads. Each derived rule keeps the configured rule it
 * finally derives from (its root): a view over a view derives from the root, never from the
 * inner view's rule, so that the rules stay finite however deep views nest. Immutable.
 */
final class DerivedRules {
    static final DerivedRules NONE = new DerivedRules(Map.of(), Map.of());

    /** A view column, the configured rule it derives from, and the mask it is shown with. */
    record ViewColumnKey(ColumnRef column, ColumnRule root, ColumnMask mask) {
    }

    /** A routine by its stored schema and name; overloads share one entry. */
    record RoutineKey(String schema, String name) {
    }

    private final Map<ViewColumnKey, ColumnRule> viewColumns;
    private final Map<RoutineKey, Set<ColumnRule>> routineReads;

    DerivedRules(Map<ViewColumnKey, ColumnRule> viewColumns, Map<RoutineKey, Set<ColumnRule>> routineReads) {
        // insertion order kept, so that messages naming the first hidden rule do not vary between runs
        this.viewColumns = Collections.unmodifiableMap(new LinkedHashMap<>(viewColumns));
        Map<RoutineKey, Set<ColumnRule>> reads = new LinkedHashMap<>();
        routineReads.forEach((routine, rules) -> reads.put(routine, Collections.unmodifiableSet(new LinkedHashSet<>(rules))));
        this.routineReads = Collections.unmodifiableMap(reads);
    }

    Map<ViewColumnKey, ColumnRule> viewColumns() {
        return viewColumns;
    }

    Map<RoutineKey, Set<ColumnRule>> routineReads() {
        return routineReads;
    }

    /** Whether {@code other} holds the same rules: a read that found nothing new. */
    boolean sameAs(DerivedRules other) {
        return viewColumns.keySet().equals(other.viewColumns.keySet()) && routineReads.equals(other.routineReads);
    }

    /**
     * {@code configured} with these rules added. Routines that read nothing protected are kept
     * too: a call of a routine the catalog showed to read nothing may run in the clear.
     */
    Policy applyTo(Policy configured) {
        List<RoutineRule> routines = new ArrayList<>();
        routineReads.forEach((routine, reads) -> routines.add(new RoutineRule(new Name(routine.schema(), true),
                new Name(routine.name(), true), new ArrayList<>(reads), Map.of())));
        return configured.extendedWith(new ArrayList<>(viewColumns.values()), routines);
    }
}
