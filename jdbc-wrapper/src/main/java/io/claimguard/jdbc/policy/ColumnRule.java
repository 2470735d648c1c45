package io.claimguard.jdbc.policy;

import io.claimguard.core.Mode;
import io.claimguard.core.Requirement;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.mask.ColumnMask;
import java.util.Locale;

/**
 * One protected column: who may see it, what everyone else is shown, whether others may use it
 * to filter or sort (which would let them guess values one query at a time), what happens when
 * they write to it, and whether all of that is enforced or only reported ({@code mode}: the
 * column's own, or the {@code jdbc} section's).
 */
public record ColumnRule(ColumnRef column, Requirement allow, ColumnMask mask, boolean denyPredicates,
                         Writes writes, Mode mode) {

    /** What a subject who may not see the column may write to it. */
    public enum Writes {
        /**
         * Writing back exactly what the subject was shown keeps the stored value (a form saved
         * whole); any other write is refused, and a new row may only leave the column empty.
         */
        PRESERVE,
        /**
         * As {@link #PRESERVE} for what the subject was shown; a value the subject supplies itself
         * (a card number at checkout, a new password) is stored, unless it could be what the mask
         * shows, which is refused: it may be a mask shown for another row.
         */
        WRITE_ONLY,
        /** Every write is refused. */
        DENY,
        /** Writes go through unchecked. */
        ALLOW;

        /**
         * The setting in force for a writer who may not see the column: work outside requests
         * (seed data, imports) stores the values it supplies in a {@code preserve} column.
         */
        public Writes inForce(boolean outsideRequests) {
            return outsideRequests && this == PRESERVE ? WRITE_ONLY : this;
        }

        /** Whether writing back what the subject was shown keeps the stored value. */
        public boolean keepsWhatWasShown() {
            return this == PRESERVE || this == WRITE_ONLY;
        }

        /** As the configuration writes it: {@code preserve}, {@code write_only}, {@code deny}, {@code allow}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** What such a subject may write, for the message that refuses a write: ends with the setting. */
        public String refusal() {
            String may = switch (this) {
                case DENY -> "may not be written by this subject";
                case PRESERVE -> "may only be written back as it was shown to this subject";
                case WRITE_ONLY -> "may only be written back as it was shown to this subject, or given a value not"
                        + " shaped like its mask";
                case ALLOW -> "may be written by this subject";
            };
            return may + " (writes: " + code() + ")";
        }
    }

    /** Whether {@code subject} (null when none) may see the real value. */
    public boolean allows(Subject subject) {
        return allow.isSatisfiedBy(subject);
    }

    /** Whether {@code subject} is kept from the real value: it may not see it, and the rule is enforced. */
    public boolean hides(Subject subject) {
        return mode == Mode.ENFORCE && !allow.isSatisfiedBy(subject);
    }

    /** Whether {@code subject} would be kept from the real value, were the rule enforced: report mode. */
    public boolean wouldHide(Subject subject) {
        return mode == Mode.REPORT && !allow.isSatisfiedBy(subject);
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
