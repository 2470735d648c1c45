package io.claimguard.jdbc.mask;

import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** Its rewrite gives a shown value back unchanged. */
    @Override
    boolean showsLike(Object written) {
        String text = WrittenValue.text(written);
        return text != null && rewrite.apply(text).equals(text);
    }

    @Override
    CellMask bindCell(ColumnType type) {
        if (ColumnKind.of(type) == ColumnKind.TEXT) {
            return new TextCell(rewrite);
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

    /** A character column: the rewrite is both text and object, so getString needs only the text. */
    private static final class TextCell implements CellMask {
        private final TextRewrite rewrite;

        TextCell(TextRewrite rewrite) {
            this.rewrite = rewrite;
        }

        @Override
        public String text(ResultSet raw, int column) throws SQLException {
            String value = raw.getString(column);
            return value == null ? null : rewrite.apply(value);
        }

        @Override
        public MaskedValue read(ResultSet raw, int column) throws SQLException {
            String shown = text(raw, column);
            return MaskedValue.of(shown, shown);
        }
    }
}
