package io.claimguard.jdbc.mask;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Tells whether a raw cell is SQL NULL, for masks whose output does not depend on the value, using
 * the getter that costs least for the column's type.
 */
@FunctionalInterface
interface NullCheck {

    boolean isNull(ResultSet raw, int column) throws SQLException;

    static NullCheck cheapestFor(ColumnType type) {
        return switch (type.jdbcType()) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
                    Types.LONGNVARCHAR -> NullCheck::byString;
            // Primitive getters plus wasNull allocate nothing; an unsigned BIGINT overflows getLong.
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT ->
                    type.className().equals("java.math.BigInteger") ? NullCheck::byObject : NullCheck::byLong;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> NullCheck::byDouble;
            case Types.BOOLEAN -> NullCheck::byBoolean;
            // getObject returns a locator for LOBs instead of reading them, and works for any type.
            default -> NullCheck::byObject;
        };
    }

    private static boolean byString(ResultSet raw, int column) throws SQLException {
        return raw.getString(column) == null;
    }

    private static boolean byLong(ResultSet raw, int column) throws SQLException {
        raw.getLong(column);
        return raw.wasNull();
    }

    private static boolean byDouble(ResultSet raw, int column) throws SQLException {
        raw.getDouble(column);
        return raw.wasNull();
    }

    private static boolean byBoolean(ResultSet raw, int column) throws SQLException {
        raw.getBoolean(column);
        return raw.wasNull();
    }

    private static boolean byObject(ResultSet raw, int column) throws SQLException {
        return raw.getObject(column) == null;
    }
}
