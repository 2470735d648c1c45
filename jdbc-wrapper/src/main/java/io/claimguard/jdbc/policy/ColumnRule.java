package io.claimguard.jdbc.policy;

import io.claimguard.core.Requirement;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.mask.ColumnMask;

/**
 * One protected column: who may see it, what everyone else is shown, and whether others may use
 * it to filter or sort (which would let them guess values one query at a time).
 */
public record ColumnRule(ColumnRef column, Requirement allow, ColumnMask mask, boolean denyPredicates) {

    /** Whether {@code subject} (null when none) may see the real value. */
    public boolean allows(Subject subject) {
        return allow.isSatisfiedBy(subject);
    }

    boolean matches(ColumnRef reference, Dialect dialect) {
        return dialect.matches(column.column(), reference.column())
                && dialect.matches(column.table(), reference.table())
                && (column.schema() == null || reference.schema() == null
                        || dialect.matches(column.schema(), reference.schema()));
    }

    /** Whether this rule protects a column of the table a statement calls {@code table}. */
    boolean protectsTable(Name schema, Name table, Dialect dialect) {
        return dialect.matches(column.table(), table)
                && (column.schema() == null || schema == null || dialect.matches(column.schema(), schema));
    }

    @Override
    public String toString() {
        return column.toString();
    }
}
