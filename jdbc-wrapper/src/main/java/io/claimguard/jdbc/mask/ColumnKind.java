package io.claimguard.jdbc.mask;

import java.sql.Types;

/** The families of column types that masks treat differently, decided once per column in bind. */
enum ColumnKind {
    TEXT, NUMBER, BOOLEAN, DATE, TIME, TIME_WITH_TIMEZONE, TIMESTAMP, TIMESTAMP_WITH_TIMEZONE,
    BINARY, JSON, UUID, UNSUPPORTED;

    static ColumnKind of(ColumnType type) {
        // Decided by name before the JDBC type: H2 reports UUID as BINARY, PostgreSQL as OTHER.
        if (type.typeName().equalsIgnoreCase("uuid") || type.className().equals("java.util.UUID")) {
            return UUID;
        }
        return switch (type.jdbcType()) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
                    Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> TEXT;
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT, Types.DECIMAL,
                    Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> NUMBER;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME -> TIME;
            case Types.TIME_WITH_TIMEZONE -> TIME_WITH_TIMEZONE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_TIMEZONE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            case Types.OTHER, Types.JAVA_OBJECT -> isJson(type.typeName()) ? JSON : UNSUPPORTED;
            default -> UNSUPPORTED;
        };
    }

    private static boolean isJson(String typeName) {
        return typeName.equalsIgnoreCase("json") || typeName.equalsIgnoreCase("jsonb");
    }
}
