package io.claimguard.jdbc.mask;

/** Shows SQL NULL without reading the raw cell, so not even a driver-side read error leaks. */
final class NullMask implements ColumnMask {

    static final CellMask ALWAYS_NULL = (raw, column) -> MaskedValue.NULL;

    private final String spec;

    NullMask(String spec) {
        this.spec = spec;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public CellMask bind(ColumnType type) {
        return ALWAYS_NULL;
    }

    @Override
    public String toString() {
        return spec;
    }
}
