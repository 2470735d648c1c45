package io.claimguard.jdbc.mask;

/** Shows a fixed marker in character columns, so a reader sees that data was withheld. */
final class RedactMask extends SpecifiedMask {

    private static final MaskedValue REDACTED = MaskedValue.of("[REDACTED]", "[REDACTED]");

    RedactMask(String spec) {
        super(spec);
    }

    @Override
    boolean showsLike(Object written) {
        return REDACTED.text().equals(WrittenValue.text(written));
    }

    @Override
    CellMask bindCell(ColumnType type) {
        MaskedValue shown = ColumnKind.of(type) == ColumnKind.TEXT ? REDACTED : DefaultMask.valueFor(type);
        return DefaultMask.constantUnlessNull(type, shown);
    }

}
