package io.claimguard.jdbc.mask;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * What the driver reports about one result column, read once per statement shape so that masks
 * can produce a value of the column's own Java type (a masked integer still reads with getInt).
 *
 * @param jdbcType  a {@link java.sql.Types} constant
 * @param typeName  the database's own type name ({@code jsonb}, {@code DECIMAL})
 * @param className the Java class the driver returns from getObject, or "" when unknown
 */
public record ColumnType(int jdbcType, String typeName, String className) {

    public static ColumnType of(ResultSetMetaData metaData, int column) throws SQLException {
        String typeName = metaData.getColumnTypeName(column);
        String className = metaData.getColumnClassName(column);
        return new ColumnType(metaData.getColumnType(column),
                typeName == null ? "" : typeName, className == null ? "" : className);
    }
}
