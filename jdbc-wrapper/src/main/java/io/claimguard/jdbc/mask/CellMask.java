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
}
