package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.jdbc.mask.CellMask;
import io.claimguard.jdbc.mask.ColumnMask;
import io.claimguard.jdbc.policy.ColumnRule.Writes;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The masks of one result set for one subject: an array indexed by column, built once per
 * statement run so that a getter only indexes it. Columns the subject may see hold
 * {@link #CLEAR}, which getters recognise by identity and bypass; so do columns only report mode
 * would mask, whose names and write settings are kept for audit events.
 */
final class MaskPlan {
    /** Marks a column read straight from the driver; never called. */
    static final CellMask CLEAR = (raw, column) -> {
        throw new IllegalStateException("the CLEAR mask is a marker and must not be applied");
    };
    static final MaskPlan NOTHING_MASKED = new MaskPlan(new CellMask[0], new ColumnMask[0], new Writes[0], new Writes[0],
            Audited.NONE);

    /**
     * What the plan hides, for audit events and metrics, by protected column name: shown masked,
     * shown as NULL, and the same two for report mode; and per result column that hides or would
     * hide its cells, the column its cells are counted under, whether they read as NULL, and the mode.
     */
    record Audited(List<String> masked, List<String> nulled, List<String> wouldMask, List<String> wouldNull,
                   String[] cellColumns, boolean[] cellsNulled, Mode[] cellModes) {
        static final Audited NONE = new Audited(List.of(), List.of(), List.of(), List.of(), new String[0], new boolean[0],
                new Mode[0]);

        /** This and {@code other} in one, each column named once: a call's result and its OUT values. */
        Audited and(Audited other) {
            if (other == NONE) {
                return this;
            }
            if (this == NONE) {
                return other;
            }
            int cells = cellColumns.length;
            boolean[] nulls = Arrays.copyOf(cellsNulled, cells + other.cellsNulled.length);
            System.arraycopy(other.cellsNulled, 0, nulls, cells, other.cellsNulled.length);
            return new Audited(union(masked, other.masked), union(nulled, other.nulled), union(wouldMask, other.wouldMask),
                    union(wouldNull, other.wouldNull), concat(cellColumns, other.cellColumns), nulls,
                    concat(cellModes, other.cellModes));
        }

        private static List<String> union(List<String> a, List<String> b) {
            Set<String> both = new LinkedHashSet<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }

        private static <T> T[] concat(T[] a, T[] b) {
            T[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    /** Index 0 is unused so that JDBC's 1-based column numbers index it directly. */
    private final CellMask[] masks;
    /** Per column masked, or that report mode would mask: the mask as configured, which tells what it may show. */
    private final ColumnMask[] shownWith;
    /** Per masked column: what the subject may write to it through the result set. */
    private final Writes[] writes;
    /** Per column only report mode would mask: what the subject could write to it, were it enforced. */
    private final Writes[] reportWrites;
    private final boolean masksAny;
    private final Audited audited;
    /** The masked-cell counters of the audited cell columns, fetched once per plan. */
    private volatile DriverMeters.Tally[] cellTallies;

    MaskPlan(CellMask[] masks, ColumnMask[] shownWith, Writes[] writes, Writes[] reportWrites, Audited audited) {
        this.masks = masks;
        this.shownWith = shownWith;
        this.writes = writes;
        this.reportWrites = reportWrites;
        this.masksAny = Arrays.stream(masks).anyMatch(m -> m != null && m != CLEAR);
        this.audited = audited;
    }

    CellMask mask(int column) {
        return column > 0 && column < masks.length ? masks[column] : CLEAR;
    }

    boolean masksAny() {
        return masksAny;
    }

    boolean isMasked(int column) {
        return mask(column) != CLEAR;
    }

    /** Whether {@code written} could be what column {@code column}'s mask shows (see {@link ColumnMask#mayShow}); yes for a column without one. */
    boolean mayShow(int column, Object written) {
        return column <= 0 || column >= shownWith.length || shownWith[column] == null || shownWith[column].mayShow(written);
    }

    /** What the subject may write to a masked column: the strictest setting of its hidden rules. */
    Writes writes(int column) {
        return column > 0 && column < writes.length && writes[column] != null ? writes[column] : Writes.DENY;
    }

    /** For a column only report mode would mask: the setting a write is checked against; null for others. */
    Writes reportWrites(int column) {
        return column > 0 && column < reportWrites.length ? reportWrites[column] : null;
    }

    Audited audited() {
        return audited;
    }

    /** Whether any column hides, or would hide, its cells. */
    boolean countsCells() {
        return audited.cellColumns().length > 0;
    }

    /** Counts {@code rows} rows' masked cells, per column. */
    void countMaskedCells(long rows, DriverMeters meters) {
        DriverMeters.Tally[] tallies = cellTallies;
        if (tallies == null) {
            tallies = new DriverMeters.Tally[audited.cellColumns().length];
            for (int i = 0; i < tallies.length; i++) {
                tallies[i] = meters.maskedCells(audited.cellColumns()[i], audited.cellsNulled()[i], audited.cellModes()[i]);
            }
            cellTallies = tallies;
        }
        for (DriverMeters.Tally tally : tallies) {
            tally.add(rows);
        }
    }
}
