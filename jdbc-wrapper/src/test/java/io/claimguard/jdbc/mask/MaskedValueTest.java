package io.claimguard.jdbc.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskedValueTest {

    private static final String SECRET = "secret-4111";

    // ---------------------------------------------------------------- NULL and construction

    @ParameterizedTest
    @ValueSource(classes = {String.class, Integer.class, int.class, long.class, Short.class, byte.class,
            Double.class, float.class, BigDecimal.class, BigInteger.class, boolean.class, Date.class, Time.class,
            Timestamp.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class,
            Instant.class, byte[].class, Object.class, Clob.class})
    void null_convertsToNullForEveryType(Class<?> type) throws SQLException {
        assertNull(MaskedValue.NULL.as(type));
    }

    @Test
    void null_hasNoTextObjectOrBytes() {
        assertTrue(MaskedValue.NULL.isNull());
        assertNull(MaskedValue.NULL.text());
        assertNull(MaskedValue.NULL.object());
        assertNull(MaskedValue.NULL.bytes());
    }

    @Test
    void of_withTextAndObjectBothNull_isNull() {
        assertSame(MaskedValue.NULL, MaskedValue.of(null, null));
    }

    @Test
    void of_withOnlyOneOfTextAndObject_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> MaskedValue.of("0", null));
        assertThrows(IllegalArgumentException.class, () -> MaskedValue.of(null, 0));
    }

    // ---------------------------------------------------------------- numbers and booleans

    @Test
    void as_decimalObject_convertsToEveryNumericClassTruncatingTheFraction() throws SQLException {
        MaskedValue value = MaskedValue.of("1234.56", new BigDecimal("1234.56"));
        assertEquals(1234, value.as(Integer.class));
        assertEquals(1234, value.as(int.class));
        assertEquals(1234L, value.as(long.class));
        assertEquals((short) 1234, value.as(Short.class));
        assertEquals(new BigInteger("1234"), value.as(BigInteger.class));
        assertEquals(1234.56d, value.as(double.class));
        assertEquals(1234.56f, value.as(Float.class));
        assertEquals(new BigDecimal("1234.56"), value.as(BigDecimal.class));
        assertEquals("1234.56", value.as(String.class));
        assertEquals(Boolean.TRUE, value.as(boolean.class));
    }

    @Test
    void as_numericText_parses() throws SQLException {
        MaskedValue value = MaskedValue.of(" 42 ", " 42 ");
        assertEquals(42, value.as(int.class));
        assertEquals(42L, value.as(Long.class));
        assertEquals(42.0d, value.as(Double.class));
        assertEquals(new BigDecimal("42"), value.as(BigDecimal.class));
    }

    @Test
    void as_booleanFromTextAndNumbers() throws SQLException {
        assertEquals(Boolean.FALSE, MaskedValue.of("false", Boolean.FALSE).as(boolean.class));
        assertEquals(Boolean.TRUE, MaskedValue.of("TRUE", "TRUE").as(Boolean.class));
        assertEquals(Boolean.FALSE, MaskedValue.of("0", "0").as(Boolean.class));
        assertEquals(Boolean.FALSE, MaskedValue.of("0", 0).as(Boolean.class));
        assertEquals(0, MaskedValue.of("false", Boolean.FALSE).as(int.class));
    }

    @Test
    void as_primitiveTokensBehaveLikeWrappers() throws SQLException {
        MaskedValue value = MaskedValue.of("7", 7L);
        assertEquals(value.as(Integer.class), value.as(int.class));
        assertEquals(value.as(Long.class), value.as(long.class));
        assertEquals(value.as(Short.class), value.as(short.class));
        assertEquals(value.as(Byte.class), value.as(byte.class));
        assertEquals(value.as(Double.class), value.as(double.class));
        assertEquals(value.as(Float.class), value.as(float.class));
        assertEquals(value.as(Boolean.class), value.as(boolean.class));
    }

    // ---------------------------------------------------------------- dates and times

    @Test
    void as_timestampObject_convertsToEveryTemporalClass() throws SQLException {
        Timestamp timestamp = Timestamp.valueOf("1987-01-01 00:00:00");
        MaskedValue value = MaskedValue.of(timestamp.toString(), timestamp);
        assertEquals(timestamp, value.as(Timestamp.class));
        assertEquals(LocalDateTime.of(1987, 1, 1, 0, 0), value.as(LocalDateTime.class));
        assertEquals(LocalDate.of(1987, 1, 1), value.as(LocalDate.class));
        assertEquals(Date.valueOf("1987-01-01"), value.as(Date.class));
        assertEquals(LocalTime.MIDNIGHT, value.as(LocalTime.class));
        assertEquals(Time.valueOf("00:00:00"), value.as(Time.class));
        assertEquals(timestamp.toInstant(), value.as(Instant.class));
        assertEquals(timestamp.toLocalDateTime().atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                value.as(OffsetDateTime.class));
    }

    @Test
    void as_offsetDateTime_keepsItsWallClockForLocalClasses() throws SQLException {
        OffsetDateTime januaryFirst = OffsetDateTime.parse("1987-01-01T00:00+02:00");
        MaskedValue value = MaskedValue.of(januaryFirst.toString(), januaryFirst);
        assertEquals(LocalDate.of(1987, 1, 1), value.as(LocalDate.class));
        assertEquals(Date.valueOf("1987-01-01"), value.as(Date.class));
        assertEquals(Timestamp.valueOf("1987-01-01 00:00:00"), value.as(Timestamp.class));
        assertEquals(januaryFirst.toInstant(), value.as(Instant.class));
        assertSame(januaryFirst, value.as(OffsetDateTime.class));
    }

    @Test
    void as_isoText_parsesToTemporalClasses() throws SQLException {
        MaskedValue date = MaskedValue.of("1987-01-01", "1987-01-01");
        assertEquals(Date.valueOf("1987-01-01"), date.as(Date.class));
        assertEquals(LocalDate.of(1987, 1, 1), date.as(LocalDate.class));
        assertEquals(Timestamp.valueOf("1987-01-01 00:00:00"), date.as(Timestamp.class));
        MaskedValue dateTime = MaskedValue.of("1987-01-01 10:20:30", "1987-01-01 10:20:30");
        assertEquals(LocalDateTime.of(1987, 1, 1, 10, 20, 30), dateTime.as(LocalDateTime.class));
        MaskedValue offset = MaskedValue.of("1987-01-01T00:00Z", "1987-01-01T00:00Z");
        assertEquals(Instant.parse("1987-01-01T00:00:00Z"), offset.as(Instant.class));
        assertEquals(LocalTime.of(10, 20), MaskedValue.of("10:20", "10:20").as(LocalTime.class));
    }

    // ---------------------------------------------------------------- failed conversions

    @ParameterizedTest
    @ValueSource(classes = {Integer.class, int.class, Long.class, Double.class, float.class, BigDecimal.class,
            BigInteger.class, Boolean.class, Date.class, Time.class, Timestamp.class, LocalDate.class,
            LocalTime.class, LocalDateTime.class, OffsetDateTime.class, Instant.class, UUID.class})
    void as_impossibleConversion_throws22018WithoutTheValue(Class<?> type) {
        MaskedValue value = MaskedValue.of(SECRET, SECRET);
        SQLException e = assertThrows(SQLException.class, () -> value.as(type));
        assertEquals("22018", e.getSQLState());
        assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("4111"), e.getMessage());
        assertNull(e.getCause(), "a parser's exception would quote the value");
    }

    @Test
    void as_largeObjects_holdTheMaskedText() throws SQLException {
        MaskedValue value = MaskedValue.of("j***@***.com", "j***@***.com");
        Clob clob = value.as(Clob.class);
        assertEquals("j***@***.com", clob.getSubString(1, (int) clob.length()));
        java.sql.NClob nclob = value.as(java.sql.NClob.class);
        assertEquals("j***@***.com", nclob.getSubString(1, (int) nclob.length()));
        java.sql.Blob blob = value.as(java.sql.Blob.class);
        assertEquals("j***@***.com", new String(blob.getBytes(1, (int) blob.length()), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void as_numberOutOfRange_throws22018() {
        MaskedValue value = MaskedValue.of("9000000042", 9000000042L);
        SQLException e = assertThrows(SQLException.class, () -> value.as(int.class));
        assertEquals("22018", e.getSQLState());
        assertFalse(e.getMessage().contains("9000000042"), e.getMessage());
        assertThrows(SQLException.class, () -> MaskedValue.of("300", 300).as(byte.class));
    }

    // ---------------------------------------------------------------- bytes, identity, immutability

    @Test
    void bytes_areTheByteObjectOrTheTextInUtf8() throws SQLException {
        assertArrayEquals(new byte[] {1, 2}, MaskedValue.of("0102", new byte[] {1, 2}).bytes());
        assertArrayEquals("é***".getBytes(StandardCharsets.UTF_8), MaskedValue.of("é***", "é***").bytes());
        assertArrayEquals("0".getBytes(StandardCharsets.UTF_8), MaskedValue.of("0", 0).as(byte[].class));
    }

    @Test
    void equalsAndHashCode_compareTextAndObjectByteArraysByContent() {
        assertEquals(MaskedValue.of("0", 0), MaskedValue.of("0", 0));
        assertEquals(MaskedValue.of("0", 0).hashCode(), MaskedValue.of("0", 0).hashCode());
        assertNotEquals(MaskedValue.of("0", 0), MaskedValue.of("0", 0L));
        assertNotEquals(MaskedValue.of("0", 0), MaskedValue.of("00", 0));
        assertEquals(MaskedValue.of("ab", new byte[] {1}), MaskedValue.of("ab", new byte[] {1}));
        assertEquals(MaskedValue.of("ab", new byte[] {1}).hashCode(), MaskedValue.of("ab", new byte[] {1}).hashCode());
        assertNotEquals(MaskedValue.of("ab", new byte[] {1}), MaskedValue.of("ab", new byte[] {2}));
        assertNotEquals(MaskedValue.NULL, MaskedValue.of("", ""));
    }

    @Test
    void toString_neverShowsTheValue() {
        assertEquals("MaskedValue[masked]", MaskedValue.of(SECRET, SECRET).toString());
        assertEquals("MaskedValue[NULL]", MaskedValue.NULL.toString());
    }

    @Test
    void mutableObjects_areCopiedSoReadersCannotChangeLaterRows() throws SQLException {
        byte[] bytes = {1, 2, 3};
        MaskedValue binary = MaskedValue.of("x", bytes);
        bytes[0] = 9;
        ((byte[]) binary.object())[1] = 9;
        binary.bytes()[2] = 9;
        binary.as(byte[].class)[2] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, binary.bytes());

        MaskedValue timestamp = MaskedValue.of("1900-01-01 00:00:00.0", Timestamp.valueOf("1900-01-01 00:00:00"));
        ((Timestamp) timestamp.object()).setTime(0);
        timestamp.as(Timestamp.class).setNanos(5);
        assertEquals(Timestamp.valueOf("1900-01-01 00:00:00"), timestamp.object());
    }

    // ---------------------------------------------------------------- values masks produce from H2

    @Test
    void maskedH2Values_convertForTheTypedGetters() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:masktest;DB_CLOSE_DELAY=-1");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CAST(42 AS INTEGER), CAST(12.5 AS DECIMAL(12,2)),"
                     + " DATE '1987-06-15', TIMESTAMP WITH TIME ZONE '1987-06-15 13:45:10+02:00'")) {
            assertTrue(rs.next());
            ColumnMask defaults = ColumnMask.parse("default", null);
            ColumnMask year = ColumnMask.parse("year", null);

            MaskedValue integer = defaults.bind(ColumnType.of(rs.getMetaData(), 1)).read(rs, 1);
            assertEquals(0, integer.as(int.class));
            assertEquals("0", integer.as(String.class));
            assertEquals(Integer.valueOf(0), integer.as(Object.class));

            MaskedValue decimal = defaults.bind(ColumnType.of(rs.getMetaData(), 2)).read(rs, 2);
            assertEquals(0.0d, decimal.as(double.class));
            assertEquals(0L, decimal.as(long.class));

            MaskedValue born = year.bind(ColumnType.of(rs.getMetaData(), 3)).read(rs, 3);
            assertEquals(LocalDate.of(1987, 1, 1), born.as(LocalDate.class));
            assertEquals(Timestamp.valueOf("1987-01-01 00:00:00"), born.as(Timestamp.class));

            MaskedValue seen = year.bind(ColumnType.of(rs.getMetaData(), 4)).read(rs, 4);
            assertEquals(LocalDateTime.of(1987, 1, 1, 0, 0), seen.as(LocalDateTime.class));
            assertEquals(Instant.parse("1986-12-31T22:00:00Z"), seen.as(Instant.class));
            SQLException e = assertThrows(SQLException.class, () -> seen.as(int.class));
            assertEquals("22018", e.getSQLState());
        }
    }
}
