package io.claimguard.jdbc.mask;

/**
 * A mask that shows a rewrite of the raw cell's string form ({@code email}, {@code first4},
 * {@code last4}, {@code partial}). On other than character columns the object stays the type's
 * default so that getObject keeps returning the column's class, and masks that only make sense
 * for text ({@code email}) show the default text too.
 */
final class RewriteMask extends SpecifiedMask {

    private final TextRewrite rewrite;
    private final boolean textColumnsOnly;

    RewriteMask(String spec, TextRewrite rewrite, boolean textColumnsOnly) {
        super(spec);
        this.rewrite = rewrite;
        this.textColumnsOnly = textColumnsOnly;
    }

    @Override
    CellMask bindCell(ColumnType type) {
        if (ColumnKind.of(type) == ColumnKind.TEXT) {
            return (raw, column) -> {
                String value = raw.getString(column);
                if (value == null) {
                    return MaskedValue.NULL;
                }
                String shown = rewrite.apply(value);
                return MaskedValue.of(shown, shown);
            };
        }
        MaskedValue fallback = DefaultMask.valueFor(type);
        if (textColumnsOnly || fallback.isNull()) {
            return DefaultMask.constantUnlessNull(type, fallback);
        }
        return (raw, column) -> {
            String value = raw.getString(column);
            return value == null ? MaskedValue.NULL : fallback.withText(rewrite.apply(value));
        };
    }

}
