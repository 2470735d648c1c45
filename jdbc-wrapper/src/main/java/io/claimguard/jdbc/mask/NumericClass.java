package io.claimguard.jdbc.mask;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;

/**
 * The Java class a numeric column's getObject returns, so that a masked number still reads with
 * the getter the application already uses.
 */
enum NumericClass {
    INTEGER(0) {
        @Override
        Object fromNonNegative(long value) {
            return (int) (value & Integer.MAX_VALUE);
        }
    },
    LONG(0L) {
        @Override
        Object fromNonNegative(long value) {
            return value;
        }
    },
    SHORT((short) 0) {
        @Override
        Object fromNonNegative(long value) {
            return (short) (value & Short.MAX_VALUE);
        }
    },
    BYTE((byte) 0) {
        @Override
        Object fromNonNegative(long value) {
            return (byte) (value & Byte.MAX_VALUE);
        }
    },
    BIG_DECIMAL(BigDecimal.ZERO) {
        @Override
        Object fromNonNegative(long value) {
            return BigDecimal.valueOf(value);
        }
    },
    BIG_INTEGER(BigInteger.ZERO) {
        @Override
        Object fromNonNegative(long value) {
            return BigInteger.valueOf(value);
        }
    },
    DOUBLE(0.0d) {
        @Override
        Object fromNonNegative(long value) {
            return (double) value;
        }
    },
    FLOAT(0.0f) {
        @Override
        Object fromNonNegative(long value) {
            return (float) value;
        }
    };

    final Object zero;

    NumericClass(Object zero) {
        this.zero = zero;
    }

    /** @param value at least zero; narrower classes keep its low bits, so the result is too */
    abstract Object fromNonNegative(long value);

    static NumericClass of(ColumnType type) {
        // The driver's own class wins: MySQL reports INTEGER UNSIGNED as Long, TINYINT as Integer.
        return switch (type.className()) {
            case "java.lang.Integer" -> INTEGER;
            case "java.lang.Long" -> LONG;
            case "java.lang.Short" -> SHORT;
            case "java.lang.Byte" -> BYTE;
            case "java.math.BigDecimal" -> BIG_DECIMAL;
            case "java.math.BigInteger" -> BIG_INTEGER;
            case "java.lang.Double" -> DOUBLE;
            case "java.lang.Float" -> FLOAT;
            default -> switch (type.jdbcType()) {
                case Types.BIGINT -> LONG;
                case Types.DECIMAL, Types.NUMERIC -> BIG_DECIMAL;
                case Types.DOUBLE, Types.FLOAT -> DOUBLE;
                case Types.REAL -> FLOAT;
                default -> INTEGER;
            };
        };
    }
}
