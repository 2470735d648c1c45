package io.claimguard.jdbc.mask;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link ColumnMask} bound to one result column's type: reads the raw cell (or not at all, for
 * the NULL mask) and returns what the caller is shown instead.
 */
@FunctionalInterface
public interface CellMask {
    /**
     * @param raw    the driver's own result set, positioned on the current row
     * @param column 1-based column index in {@code raw}
     */
    MaskedValue read(ResultSet raw, int column) throws SQLException;

    /**
     * What getString, character streams and readers show: {@code read(raw, column).text()}, null
     * for SQL NULL. Masks whose text is all a getter needs override it to build no {@link MaskedValue}.
     */
    default String text(ResultSet raw, int column) throws SQLException {
        return read(raw, column).text();
    }
}
