package io.claimguard.jdbc.mask;

import java.sql.Clob;
import java.sql.NClob;

/**
 * What every mask shares: the spec it was written as (which is also how it prints), and that
 * character large objects stay large objects: where the driver returns a {@link Clob} from
 * getObject, the masked text comes back as one too.
 */
abstract class SpecifiedMask implements ColumnMask {
    private final String spec;

    SpecifiedMask(String spec) {
        this.spec = spec;
    }

    /**
     * A value nothing can be told about may be a mask, and so may a type's default, which every
     * mask but NULL shows in some columns; then whatever {@link #showsLike} says.
     */
    @Override
    public boolean mayShow(Object written) {
        return WrittenValue.isOpaque(written) || WrittenValue.isDefault(written) || showsLike(written);
    }

    /** Whether {@code written} is shaped like what this mask itself shows, besides the defaults. */
    boolean showsLike(Object written) {
        return false;
    }

    /** The mask for one column, before large-object handling. */
    abstract CellMask bindCell(ColumnType type);

    @Override
    public final CellMask bind(ColumnType type) {
        CellMask cell = bindCell(type);
        Class<? extends Clob> lob = type.className().equals(NClob.class.getName()) ? NClob.class
                : type.className().equals(Clob.class.getName()) ? Clob.class : null;
        if (lob == null) {
            return cell;
        }
        return (raw, column) -> {
            MaskedValue value = cell.read(raw, column);
            return value.isNull() ? value : MaskedValue.of(value.text(), value.as(lob));
        };
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final String toString() {
        return spec;
    }
}
