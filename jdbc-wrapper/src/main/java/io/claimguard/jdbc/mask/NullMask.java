package io.claimguard.jdbc.mask;

/** Shows SQL NULL without reading the raw cell, so not even a driver-side read error leaks. */
final class NullMask extends SpecifiedMask {

    static final CellMask ALWAYS_NULL = (raw, column) -> MaskedValue.NULL;

    NullMask(String spec) {
        super(spec);
    }

    @Override
    CellMask bindCell(ColumnType type) {
        return ALWAYS_NULL;
    }

    /** It shows only NULL, which is never supplied as a value. */
    @Override
    public boolean mayShow(Object written) {
        return false;
    }

}
