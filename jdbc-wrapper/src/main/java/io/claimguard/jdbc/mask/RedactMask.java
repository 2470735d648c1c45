package io.claimguard.jdbc.mask;

/** Shows a fixed marker in character columns, so a reader sees that data was withheld. */
final class RedactMask implements ColumnMask {

    private static final MaskedValue REDACTED = MaskedValue.of("[REDACTED]", "[REDACTED]");

    private final String spec;

    RedactMask(String spec) {
        this.spec = spec;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public CellMask bind(ColumnType type) {
        MaskedValue shown = ColumnKind.of(type) == ColumnKind.TEXT ? REDACTED : DefaultMask.valueFor(type);
        return DefaultMask.constantUnlessNull(type, shown);
    }

    @Override
    public String toString() {
        return spec;
    }
}
