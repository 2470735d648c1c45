package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.jdbc.mask.CellMask;
import io.claimguard.jdbc.policy.ColumnRule.Writes;
import java.util.Arrays;
import java.util.List;

/**
 * The masks of one result set for one subject: an array indexed by column, built once per
 * statement run so that a getter only indexes it. Columns the subject may see hold
 * {@link #CLEAR}, which getters recognise by identity and bypass.
 */
final class MaskPlan {
    /** Marks a column read straight from the driver; never called. */
    static final CellMask CLEAR = (raw, column) -> {
        throw new IllegalStateException("the CLEAR mask is a marker and must not be applied");
    };
    static final MaskPlan NOTHING_MASKED = new MaskPlan(new CellMask[0], new Writes[0], List.of(), List.of(),
            new String[0], new boolean[0]);

    /** Index 0 is unused so that JDBC's 1-based column numbers index it directly. */
    private final CellMask[] masks;
    /** Per masked column: what the subject may write to it through the result set. */
    private final Writes[] writes;
    private final boolean masksAny;
    /** For audit events: the protected columns whose values this plan shows masked, and those it shows as NULL. */
    private final List<String> masked;
    private final List<String> nulled;
    /** Per masked result column: the protected column its cells are counted under, and whether they read as NULL. */
    private final String[] cellColumns;
    private final boolean[] cellsNulled;
    /** The masked-cell counters of {@link #cellColumns}, fetched once per plan. */
    private volatile DriverMeters.Tally[] cellTallies;

    MaskPlan(CellMask[] masks, Writes[] writes, List<String> masked, List<String> nulled, String[] cellColumns,
             boolean[] cellsNulled) {
        this.masks = masks;
        this.writes = writes;
        this.masksAny = Arrays.stream(masks).anyMatch(m -> m != null && m != CLEAR);
        this.masked = List.copyOf(masked);
        this.nulled = List.copyOf(nulled);
        this.cellColumns = cellColumns;
        this.cellsNulled = cellsNulled;
    }

    /** Counts {@code rows} rows' masked cells, per column. */
    void countMaskedCells(long rows, DriverMeters meters) {
        DriverMeters.Tally[] tallies = cellTallies;
        if (tallies == null) {
            tallies = new DriverMeters.Tally[cellColumns.length];
            for (int i = 0; i < tallies.length; i++) {
                tallies[i] = meters.maskedCells(cellColumns[i], cellsNulled[i], Mode.ENFORCE);
            }
            cellTallies = tallies;
        }
        for (DriverMeters.Tally tally : tallies) {
            tally.add(rows);
        }
    }

    List<String> masked() {
        return masked;
    }

    List<String> nulled() {
        return nulled;
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

    /** What the subject may write to a masked column: the strictest setting of its hidden rules. */
    Writes writes(int column) {
        return column > 0 && column < writes.length && writes[column] != null ? writes[column] : Writes.DENY;
    }
}
