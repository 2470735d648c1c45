package io.claimguard.jdbc.mask;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * What the application is shown for one masked cell, in two forms: the {@link #text() text} that
 * getString, character streams and readers show, and the {@link #object() object} that getObject
 * returns, already of the column's own Java class (a masked INTEGER is an {@code Integer}).
 *
 * <p>Immutable and safe to share between threads and rows: masks hand out one instance for every
 * cell that masks to a constant. Mutable objects ({@code byte[]}, {@code java.sql.Timestamp} and
 * the other {@code java.util.Date} subclasses) are copied on the way in and on the way out, so an
 * application that modifies what it read cannot change what the next row shows.
 *
 * <p>Neither {@link #toString()} nor any exception message contains the value: a masked value may
 * still be partly real data (the last four digits of a card) and must not reach logs.
 *
 * <p>Temporal conversions from an {@code OffsetDateTime} keep its wall-clock time at its own
 * offset rather than moving it to the JVM's zone: masked timestamps are synthetic (January 1st at
 * midnight), and moving them to another zone would show December 31st of the previous year.
 */
public final class MaskedValue {

    /** SQL NULL: {@link #isNull()} is true and every conversion returns null. */
    public static final MaskedValue NULL = new MaskedValue(null, null);

    /** The SQLState for "invalid character value for cast", as drivers report a failed getter conversion. */
    private static final String INVALID_CAST = "22018";

    private final String text;
    private final Object object;

    private MaskedValue(String text, Object object) {
        this.text = text;
        this.object = object;
    }

    /**
     * @param text   what getString, streams and readers show
     * @param object what getObject returns, of the column's Java class
     * @return {@link #NULL} when both are null
     * @throws IllegalArgumentException when only one of them is null
     */
    public static MaskedValue of(String text, Object object) {
        if (text == null && object == null) {
            return NULL;
        }
        if (text == null || object == null) {
            throw new IllegalArgumentException("A masked value needs both its text and its object, or neither");
        }
        return new MaskedValue(text, copyIfMutable(object));
    }

    /** Shares this value's object without copying it; used per cell by masks with a constant object. */
    MaskedValue withText(String newText) {
        return new MaskedValue(Objects.requireNonNull(newText, "newText"), object);
    }

    public boolean isNull() {
        return text == null;
    }

    /** @return the text form, or null for {@link #NULL} */
    public String text() {
        return text;
    }

    /** @return the object form (a copy when mutable), or null for {@link #NULL} */
    public Object object() {
        return copyIfMutable(object);
    }

    /** @return the object when it is a byte array, otherwise the text in UTF-8; null for {@link #NULL} */
    public byte[] bytes() {
        if (object instanceof byte[] binary) {
            return binary.clone();
        }
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Converts for getObject(column, type) and the typed getters. Supported targets: String, Integer,
     * Long, Short, Byte, Double, Float, BigDecimal, BigInteger, Boolean (and the primitive tokens of
     * these), java.sql.Date, Time and Timestamp, LocalDate, LocalTime, LocalDateTime, OffsetDateTime,
     * Instant, UUID, byte[], Object, and any class the object already is an instance of.
     *
     * @return null for {@link #NULL}, whatever the type
     * @throws SQLException with SQLState 22018 when this value cannot be converted; the message
     *                      names the type, never the value
     */
    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) throws SQLException {
        if (text == null) {
            return null;
        }
        Class<?> target = type.isPrimitive() ? wrapperOf(type) : type;
        Object converted;
        try {
            converted = convert(target);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            // Dropped, not chained: parse failures quote their input, which is the value.
            converted = null;
        }
        if (converted == null) {
            throw new SQLException("Cannot convert a masked value to " + type.getName(), INVALID_CAST);
        }
        return (T) converted;
    }

    /** @return the converted value, or null when this value has no form of that type */
    private Object convert(Class<?> target) {
        if (target == String.class) {
            return text;
        }
        if (target == Object.class || target.isInstance(object)) {
            return copyIfMutable(object);
        }
        if (target == byte[].class) {
            return bytes();
        }
        if (target == Clob.class || target == NClob.class) {
            return MaskedLob.characters(text);
        }
        if (target == Blob.class) {
            return MaskedLob.bytes(bytes());
        }
        if (target == Integer.class) {
            return integral().intValueExact();
        }
        if (target == Long.class) {
            return integral().longValueExact();
        }
        if (target == Short.class) {
            return integral().shortValueExact();
        }
        if (target == Byte.class) {
            return integral().byteValueExact();
        }
        if (target == Double.class) {
            return object instanceof Number number ? number.doubleValue() : Double.parseDouble(text.strip());
        }
        if (target == Float.class) {
            return object instanceof Number number ? number.floatValue() : Float.parseFloat(text.strip());
        }
        if (target == BigDecimal.class) {
            return decimal();
        }
        if (target == BigInteger.class) {
            return integral();
        }
        if (target == Boolean.class) {
            return bool();
        }
        if (target == LocalDateTime.class) {
            return localDateTime();
        }
        if (target == Timestamp.class) {
            LocalDateTime dateTime = localDateTime();
            return dateTime == null ? null : Timestamp.valueOf(dateTime);
        }
        if (target == LocalDate.class) {
            LocalDateTime dateTime = localDateTime();
            return dateTime == null ? null : dateTime.toLocalDate();
        }
        if (target == java.sql.Date.class) {
            LocalDateTime dateTime = localDateTime();
            return dateTime == null ? null : java.sql.Date.valueOf(dateTime.toLocalDate());
        }
        if (target == LocalTime.class) {
            return localTime();
        }
        if (target == Time.class) {
            LocalTime time = localTime();
            return time == null ? null : Time.valueOf(time);
        }
        if (target == OffsetDateTime.class) {
            return offsetDateTime();
        }
        if (target == Instant.class) {
            OffsetDateTime dateTime = offsetDateTime();
            return dateTime == null ? null : dateTime.toInstant();
        }
        if (target == UUID.class) {
            return UUID.fromString(text.strip());
        }
        return null;
    }

    private BigDecimal decimal() {
        if (object instanceof BigDecimal decimal) {
            return decimal;
        }
        if (object instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (object instanceof Double || object instanceof Float) {
            return BigDecimal.valueOf(((Number) object).doubleValue());
        }
        if (object instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (object instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(text.strip());
    }

    /** Drops the fraction as getInt does on a DECIMAL; a value out of range fails instead of wrapping. */
    private BigInteger integral() {
        return decimal().setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    private Boolean bool() {
        if (object instanceof String) {
            String written = text.strip();
            if (written.equalsIgnoreCase("true") || written.equals("1")) {
                return Boolean.TRUE;
            }
            if (written.equalsIgnoreCase("false") || written.equals("0")) {
                return Boolean.FALSE;
            }
            return null;
        }
        return decimal().signum() != 0;
    }

    private LocalDateTime localDateTime() {
        if (object instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        if (object instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (object instanceof OffsetDateTime dateTime) {
            return dateTime.toLocalDateTime();
        }
        if (object instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (object instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay();
        }
        if (object instanceof String) {
            String iso = isoText();
            return iso.indexOf('T') < 0 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
        }
        return null;
    }

    private LocalTime localTime() {
        if (object instanceof LocalTime time) {
            return time;
        }
        if (object instanceof Time time) {
            return time.toLocalTime();
        }
        if (object instanceof OffsetTime time) {
            return time.toLocalTime();
        }
        if (object instanceof String) {
            return LocalTime.parse(text.strip());
        }
        LocalDateTime dateTime = localDateTime();
        return dateTime == null ? null : dateTime.toLocalTime();
    }

    private OffsetDateTime offsetDateTime() {
        if (object instanceof OffsetDateTime dateTime) {
            return dateTime;
        }
        if (object instanceof String && isoText().indexOf('T') >= 0) {
            try {
                return OffsetDateTime.parse(isoText());
            } catch (DateTimeException noOffsetWritten) {
                // Read as a local date-time below, in the JVM's zone as drivers do for TIMESTAMP.
            }
        }
        LocalDateTime dateTime = localDateTime();
        return dateTime == null ? null : dateTime.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    /** The text with SQL's space between date and time replaced by ISO's T. */
    private String isoText() {
        return text.strip().replace(' ', 'T');
    }

    private static Class<?> wrapperOf(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == float.class) {
            return Float.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        if (primitive == byte.class) {
            return Byte.class;
        }
        return primitive;
    }

    private static Object copyIfMutable(Object value) {
        if (value instanceof byte[] binary) {
            return binary.length == 0 ? binary : binary.clone();
        }
        if (value instanceof java.util.Date date) {
            return date.clone();
        }
        return value;
    }

    /** Equal when text and object are equal, byte arrays by content: recognises a masked value written back. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MaskedValue that
                && Objects.equals(text, that.text) && Objects.deepEquals(object, that.object);
    }

    @Override
    public int hashCode() {
        int objectHash = object instanceof byte[] binary ? Arrays.hashCode(binary) : Objects.hashCode(object);
        return 31 * Objects.hashCode(text) + objectHash;
    }

    /** Never the value: it may still be partly real data. */
    @Override
    public String toString() {
        return text == null ? "MaskedValue[NULL]" : "MaskedValue[masked]";
    }
}
