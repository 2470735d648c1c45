package io.claimguard.jdbc.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.ConfigException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every mask bound to the column types a real driver (H2) reports, read from real result sets. */
class ColumnMaskTest {

    /** Computed independently (Python hmac) so that a change of algorithm or encoding is caught. */
    private static final byte[] KEY = "claimguard-test-key-0123456789ab".getBytes(StandardCharsets.US_ASCII);
    private static final String HASH_OF_42 = "69e2007ecc443ce1e3feb62a0f417a3d";
    private static final String HASH_OF_EMAIL = "50391a03383389bcc2d86222a57b7d55";

    private static final String EMAIL = "jane.doe@mail.example.com";
    private static final int VALUES_ROW = 1;
    private static final int NULLS_ROW = 2;

    private static final List<String> COLUMNS = List.of("email", "quantity", "big", "price", "ratio",
            "active", "born", "seen_at", "seen_at_tz", "photo", "notes", "profile", "token");
    private static final String[] MASKS = {"null", "default", "redact", "email", "first4", "last4",
            "partial(1,\"~~\",2)", "hash", "year"};

    private static Connection connection;

    @BeforeAll
    static void createTable() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:masktest;DB_CLOSE_DELAY=-1");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS people");
            statement.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(100), quantity INTEGER,"
                    + " big BIGINT, price DECIMAL(12,2), ratio DOUBLE, active BOOLEAN, born DATE,"
                    + " seen_at TIMESTAMP, seen_at_tz TIMESTAMP WITH TIME ZONE, photo VARBINARY(64),"
                    + " notes CLOB, profile JSON, token UUID)");
            statement.execute("INSERT INTO people VALUES (1, '" + EMAIL + "', 42, 9000000042, 1234.56, 3.5,"
                    + " TRUE, DATE '1987-06-15', TIMESTAMP '1987-06-15 13:45:10',"
                    + " TIMESTAMP WITH TIME ZONE '1987-06-15 13:45:10+02:00', X'0102030405',"
                    + " 'confidential note', JSON '{\"diagnosis\":\"flu\"}', '123e4567-e89b-12d3-a456-426614174000')");
            statement.execute("INSERT INTO people (id) VALUES (2)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static Stream<String> masks() {
        return Arrays.stream(MASKS);
    }

    static Stream<String> masksThatReadTheCell() {
        return masks().filter(spec -> !spec.equals("null"));
    }

    // ---------------------------------------------------------------- properties of every mask

    @ParameterizedTest
    @MethodSource("masks")
    void everyMask_keepsSqlNullAsNull(String spec) throws SQLException {
        ColumnMask mask = ColumnMask.parse(spec, KEY);
        for (String column : COLUMNS) {
            MaskedValue value = read(mask, column, NULLS_ROW);
            assertTrue(value.isNull(), spec + " on " + column);
            assertNull(value.text(), spec + " on " + column);
            assertNull(value.object(), spec + " on " + column);
        }
    }

    @ParameterizedTest
    @MethodSource("masks")
    void everyMask_showsTheSameTextWhetherReadAsTextOrAsAValue(String spec) throws SQLException {
        ColumnMask mask = ColumnMask.parse(spec, KEY);
        for (int id : new int[] {VALUES_ROW, NULLS_ROW}) {
            for (String column : COLUMNS) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + column + " FROM people WHERE id = ?")) {
                    statement.setInt(1, id);
                    try (ResultSet rs = statement.executeQuery()) {
                        assertTrue(rs.next());
                        CellMask cell = mask.bind(ColumnType.of(rs.getMetaData(), 1));
                        assertEquals(cell.read(rs, 1).text(), cell.text(rs, 1), spec + " on " + column + ", row " + id);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("masks")
    void everyMask_neverShowsTheRawValue(String spec) throws SQLException {
        ColumnMask mask = ColumnMask.parse(spec, KEY);
        for (String column : COLUMNS) {
            MaskedValue value = read(mask, column, VALUES_ROW);
            String rawText = queryOne(column, ResultSet::getString);
            Object rawObject = queryOne(column, ResultSet::getObject);
            assertNotEquals(rawText, value.text(), spec + " on " + column);
            assertFalse(Arrays.deepEquals(new Object[] {rawObject}, new Object[] {value.object()}), spec + " on " + column);
        }
    }

    @ParameterizedTest
    @MethodSource("masksThatReadTheCell")
    void everyMask_keepsTheColumnsJavaClass(String spec) throws Exception {
        ColumnMask mask = ColumnMask.parse(spec, KEY);
        for (String column : COLUMNS) {
            if (column.equals("notes")) {
                continue; // a CLOB is shown as a String; the wrapper makes a Clob from the text
            }
            String className = queryOne(column, (rs, i) -> rs.getMetaData().getColumnClassName(i));
            Object shown = read(mask, column, VALUES_ROW).object();
            assertInstanceOf(Class.forName(className), shown, spec + " on " + column);
        }
    }

    // ---------------------------------------------------------------- null

    @Test
    void null_isNullForEveryColumn() throws SQLException {
        for (String column : COLUMNS) {
            assertSame(MaskedValue.NULL, read(ColumnMask.NULL, column, VALUES_ROW), column);
        }
    }

    @Test
    void null_neverReadsTheRawCell() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet rs = statement.executeQuery("SELECT email FROM people WHERE id = 1");
            CellMask cell = ColumnMask.parse("null", KEY).bind(ColumnType.of(rs.getMetaData(), 1));
            rs.close(); // any read would now throw
            assertSame(MaskedValue.NULL, cell.read(rs, 1));
        }
    }

    // ---------------------------------------------------------------- default and redact

    @Test
    void default_showsAConstantOfEachColumnsType() throws SQLException {
        ColumnMask mask = ColumnMask.parse("default", null);
        assertShown("XXXX", "XXXX", read(mask, "email", VALUES_ROW));
        assertShown("0", 0, read(mask, "quantity", VALUES_ROW));
        assertShown("0", 0L, read(mask, "big", VALUES_ROW));
        assertShown("0", BigDecimal.ZERO, read(mask, "price", VALUES_ROW));
        assertShown("0.0", 0.0d, read(mask, "ratio", VALUES_ROW));
        assertShown("false", false, read(mask, "active", VALUES_ROW));
        assertShown("1900-01-01", Date.valueOf("1900-01-01"), read(mask, "born", VALUES_ROW));
        assertShown("1900-01-01 00:00:00.0", Timestamp.valueOf("1900-01-01 00:00:00"), read(mask, "seen_at", VALUES_ROW));
        assertShown("1900-01-01T00:00Z", OffsetDateTime.parse("1900-01-01T00:00Z"), read(mask, "seen_at_tz", VALUES_ROW));
        assertArrayEquals(new byte[0], (byte[]) read(mask, "photo", VALUES_ROW).object());
        assertShown("XXXX", "XXXX", read(mask, "notes", VALUES_ROW));
        assertEquals("{}", read(mask, "profile", VALUES_ROW).text());
        assertShown("00000000-0000-0000-0000-000000000000", new UUID(0, 0), read(mask, "token", VALUES_ROW));
    }

    @Test
    void redact_marksTextAndShowsDefaultsElsewhere() throws SQLException {
        ColumnMask mask = ColumnMask.parse("redact", null);
        assertShown("[REDACTED]", "[REDACTED]", read(mask, "email", VALUES_ROW));
        assertShown("[REDACTED]", "[REDACTED]", read(mask, "notes", VALUES_ROW));
        assertShown("0", 0, read(mask, "quantity", VALUES_ROW));
        assertShown("1900-01-01", Date.valueOf("1900-01-01"), read(mask, "born", VALUES_ROW));
    }

    // ---------------------------------------------------------------- email

    @Test
    void email_keepsFirstCharacterAndTopLevelDomain() throws SQLException {
        assertShown("j***@***.com", "j***@***.com", read(ColumnMask.parse("email", null), "email", VALUES_ROW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe", "jane@localhost", "@example.com", "jane@.com", "jane@example.",
            "jane@example.com and more", "a.b", "a@b@.com", "jane@example.com.", "jane@example.c_m", "jane.doe@example"})
    void email_onAnythingButAnAddress_showsOnlyStars(String raw) throws SQLException {
        assertEquals("****", readText(ColumnMask.parse("email", null), raw).text());
    }

    @Test
    void email_showsATopLevelDomainOfAtMost63Characters() throws SQLException {
        ColumnMask mask = ColumnMask.parse("email", null);
        String longest = "a".repeat(63);
        assertEquals("j***@***." + longest, readText(mask, "jane@example." + longest).text());
        assertEquals("****", readText(mask, "jane@example." + longest + "a").text());
        assertEquals("x***@***.z", readText(mask, "x@y.z").text());
        assertEquals("a***@***.com", readText(mask, "a@b@c.com").text());
    }

    @Test
    void email_keepsAFirstCharacterBeyondLatin1Whole() throws SQLException {
        ColumnMask mask = ColumnMask.parse("email", null);
        assertEquals("\u03A9***@***.gr", readText(mask, "\u03A9mega@example.gr").text());
        assertEquals("\uD83D\uDE00***@***.com", readText(mask, "\uD83D\uDE00x@example.com").text());
    }

    @Test
    void email_onNonTextColumn_showsDefault() throws SQLException {
        assertShown("0", 0, read(ColumnMask.parse("email", null), "quantity", VALUES_ROW));
    }

    // ---------------------------------------------------------------- first4, last4, partial

    @Test
    void last4_keepsLastFourCharactersAndLength() throws SQLException {
        assertEquals("************1111", readText(ColumnMask.parse("last4", null), "4111111111111111").text());
    }

    @Test
    void first4_keepsFirstFourCharactersAndLength() throws SQLException {
        assertEquals("4111************", readText(ColumnMask.parse("first4", null), "4111111111111111").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"first4", "last4"})
    void first4AndLast4_hideValuesOfFourCharactersOrFewerEntirely(String spec) throws SQLException {
        ColumnMask mask = ColumnMask.parse(spec, null);
        assertEquals("****", readText(mask, "abcd").text());
        assertEquals("***", readText(mask, "abc").text());
        assertEquals("*", readText(mask, "a").text());
    }

    @Test
    void first4AndLast4_onLongValues_andOnShortOnesAfterThem() throws SQLException {
        String digits = "1234";
        String longValue = "x".repeat(596) + digits;
        assertEquals("*".repeat(596) + digits, readText(ColumnMask.parse("last4", null), longValue).text());
        assertEquals(digits + "*".repeat(596), readText(ColumnMask.parse("first4", null), digits + "x".repeat(596)).text());
        assertEquals("**cdef", readText(ColumnMask.parse("last4", null), "abcdef").text());
        assertEquals("**\u0393\u0394\u0395\u0396",
                readText(ColumnMask.parse("last4", null), "\u0391\u0392\u0393\u0394\u0395\u0396").text());
    }

    @Test
    void last4_keepsSurrogatePairsWhole() throws SQLException {
        assertEquals("**b\uD83D\uDE00cd", readText(ColumnMask.parse("last4", null), "xyb\uD83D\uDE00cd").text());
    }

    @Test
    void first4_onNonTextColumn_masksTextAndKeepsDefaultObject() throws SQLException {
        assertShown("9000******", 0L, read(ColumnMask.parse("first4", null), "big", VALUES_ROW));
        assertShown("**", 0, read(ColumnMask.parse("last4", null), "quantity", VALUES_ROW));
    }

    @Test
    void partial_keepsPrefixPadAndSuffix() throws SQLException {
        ColumnMask mask = ColumnMask.parse("partial(2,\"-XX-\",3)", null);
        assertShown("ja-XX-com", "ja-XX-com", read(mask, "email", VALUES_ROW));
    }

    @Test
    void partial_whenEdgesCoverTheValue_showsPadAlone() throws SQLException {
        ColumnMask mask = ColumnMask.parse("partial(3,\"###\",3)", null);
        assertEquals("###", readText(mask, "abcdef").text());
        assertEquals("###", readText(mask, "ab").text());
        assertEquals("abc###efg", readText(mask, "abcdefg").text());
    }

    @Test
    void partial_padMayContainEscapedQuoteAndBackslash() throws SQLException {
        ColumnMask mask = ColumnMask.parse("partial(1,\"\\\"\\\\\",1)", null);
        assertEquals("a\"\\e", readText(mask, "abcde").text());
    }

    @Test
    void partial_toleratesWhitespaceAndCase() throws SQLException {
        ColumnMask mask = ColumnMask.parse("  PARTIAL ( 0 , \"*\" , 4 )  ", null);
        assertEquals("*1111", readText(mask, "4111111111111111").text());
        assertEquals("PARTIAL ( 0 , \"*\" , 4 )", mask.spec());
    }

    // ---------------------------------------------------------------- hash

    @Test
    void hash_isTheKeyedHmacAndStableAcrossReadsAndParses() throws SQLException {
        MaskedValue first = read(ColumnMask.parse("hash", KEY), "email", VALUES_ROW);
        MaskedValue again = read(ColumnMask.parse("hash", KEY.clone()), "email", VALUES_ROW);
        assertShown(HASH_OF_EMAIL, HASH_OF_EMAIL, first);
        assertEquals(first, again);
    }

    @Test
    void hash_differsAcrossKeys() throws SQLException {
        byte[] otherKey = "another-key-of-sufficient-length".getBytes(StandardCharsets.US_ASCII);
        MaskedValue value = read(ColumnMask.parse("hash", otherKey), "email", VALUES_ROW);
        assertNotEquals(HASH_OF_EMAIL, value.text());
        assertEquals(32, value.text().length());
    }

    @Test
    void hash_integerColumn_isNonNegativeIntegerFromFirstEightBytes() throws SQLException {
        MaskedValue value = read(ColumnMask.parse("hash", KEY), "quantity", VALUES_ROW);
        assertShown(HASH_OF_42, 1279540449, value);
        assertEquals(1279540449, value.as(int.class));
    }

    @Test
    void hash_otherNumericColumns_keepTheirClassAndSign() throws SQLException {
        ColumnMask mask = ColumnMask.parse("hash", KEY);
        assertTrue((Long) read(mask, "big", VALUES_ROW).object() >= 0);
        assertTrue(((BigDecimal) read(mask, "price", VALUES_ROW).object()).signum() >= 0);
        assertTrue((Double) read(mask, "ratio", VALUES_ROW).object() >= 0);
    }

    @Test
    void hash_sameValueInTextAndIntegerColumns_hashesAlike() throws SQLException {
        ColumnMask mask = ColumnMask.parse("hash", KEY);
        assertEquals(read(mask, "quantity", VALUES_ROW).text(), readText(mask, "42").text());
    }

    @Test
    void hash_binaryColumn_showsSixteenBytesOfTheHmac() throws SQLException {
        MaskedValue value = read(ColumnMask.parse("hash", KEY), "photo", VALUES_ROW);
        byte[] shown = (byte[]) value.object();
        assertEquals(16, shown.length);
        assertEquals(HexFormat.of().formatHex(shown), value.text());
    }

    @Test
    void hash_uuidColumn_isAUuidOfTheSameBytes() throws SQLException {
        MaskedValue value = read(ColumnMask.parse("hash", KEY), "token", VALUES_ROW);
        assertEquals(value.text(), value.object().toString().replace("-", ""));
    }

    @Test
    void hash_descriptionNeverContainsTheKey() {
        ColumnMask mask = ColumnMask.parse("hash", KEY);
        assertFalse(mask.toString().contains(new String(KEY, StandardCharsets.US_ASCII)));
        assertEquals("hash", mask.spec());
    }

    // ---------------------------------------------------------------- year

    @Test
    void year_keepsOnlyTheYearInTheColumnsClass() throws SQLException {
        ColumnMask mask = ColumnMask.parse("year", null);
        assertShown("1987-01-01", Date.valueOf("1987-01-01"), read(mask, "born", VALUES_ROW));
        assertShown("1987-01-01 00:00:00.0", Timestamp.valueOf("1987-01-01 00:00:00"), read(mask, "seen_at", VALUES_ROW));
    }

    @Test
    void year_timestampWithTimeZone_keepsTheOffset() throws SQLException {
        MaskedValue value = read(ColumnMask.parse("year", null), "seen_at_tz", VALUES_ROW);
        assertShown("1987-01-01T00:00+02:00", OffsetDateTime.parse("1987-01-01T00:00+02:00"), value);
    }

    @Test
    void year_isoDateText_keepsTheYear() throws SQLException {
        ColumnMask mask = ColumnMask.parse("year", null);
        assertShown("1987-01-01", "1987-01-01", readText(mask, "1987-06-15"));
        assertShown("2023-01-01", "2023-01-01", readText(mask, "2023-07-04T10:00:00Z"));
    }

    @Test
    void year_otherTextAndTypes_showDefault() throws SQLException {
        ColumnMask mask = ColumnMask.parse("year", null);
        assertShown("XXXX", "XXXX", readText(mask, "15/06/1987"));
        assertShown("XXXX", "XXXX", read(mask, "email", VALUES_ROW));
        assertShown("0", 0, read(mask, "quantity", VALUES_ROW));
    }

    // ---------------------------------------------------------------- parse

    @Test
    void parse_nullSpec_isTheNullMask() {
        assertSame(ColumnMask.NULL, ColumnMask.parse(null, null));
        assertSame(ColumnMask.NULL, ColumnMask.parse(" NULL ", null));
        assertEquals("null", ColumnMask.NULL.spec());
    }

    @Test
    void parse_acceptsNamesInAnyCaseWithWhitespace() throws SQLException {
        ColumnMask mask = ColumnMask.parse("  Email\t", null);
        assertEquals("Email", mask.spec());
        assertEquals("j***@***.com", read(mask, "email", VALUES_ROW).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mask", "emails", "first 4", "last5", "sha256", "redacted"})
    void parse_unknownMask_failsNamingTheSpecAndTheValidMasks(String spec) {
        ConfigException e = assertThrows(ConfigException.class, () -> ColumnMask.parse(spec, KEY));
        assertTrue(e.getMessage().contains("'" + spec.strip() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("null, default, redact, email, first4, last4, partial("), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"partial", "partial(", "partial()", "partial(1,\"x\")", "partial(-1,\"x\",2)",
            "partial(1,x,2)", "partial(1,\"x\",2) trailing", "partial(1,\"x,2)", "partial(99999999999,\"x\",1)",
            "partial(1,\"a\\nb\",1)", "partial(1.5,\"x\",1)", "partialy(1,\"x\",1)", "partial[1,\"x\",1]"})
    void parse_malformedPartial_failsNamingTheSpec(String spec) {
        ConfigException e = assertThrows(ConfigException.class, () -> ColumnMask.parse(spec, null));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("partial(prefix,\"pad\",suffix)"), e.getMessage());
    }

    @Test
    void parse_hashWithoutKey_fails() {
        ConfigException e = assertThrows(ConfigException.class, () -> ColumnMask.parse("hash", null));
        assertTrue(e.getMessage().contains("'hash'"), e.getMessage());
    }

    @Test
    void parse_hashWithShortKey_failsWithoutShowingTheKey() {
        byte[] shortKey = "short-secret".getBytes(StandardCharsets.US_ASCII);
        ConfigException e = assertThrows(ConfigException.class, () -> ColumnMask.parse("HASH", shortKey));
        assertTrue(e.getMessage().contains("'HASH'"), e.getMessage());
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
    }

    @Test
    void parse_masksOtherThanHash_needNoKey() {
        for (String spec : MASKS) {
            if (!spec.equals("hash")) {
                assertEquals(spec, ColumnMask.parse(spec, null).spec());
            }
        }
    }

    /**
     * write_only refuses a value a mask may show and stores any other: every mask recognises what
     * it shows a text column as its own, and not the real value it was shown for.
     */
    @Test
    void mayShow_whatTheMaskShows_butNotTheValueItWasShownFor() throws SQLException {
        for (String spec : MASKS) {
            ColumnMask mask = ColumnMask.parse(spec, KEY);
            for (String real : new String[] {"4111111111111111", "jane.doe@mail.example.com", "123-45-6789", "1985-06-14"}) {
                String shown = readText(mask, real).text();
                if (shown != null) {
                    assertTrue(mask.mayShow(shown), spec + " shows " + shown);
                }
                assertFalse(mask.mayShow(real), spec + " takes " + real + " for a mask");
            }
        }
    }

    @Test
    void mayShow_theTypesDefaults_andNoFragmentOfThem() {
        ColumnMask mask = ColumnMask.parse("default", null);
        for (Object shown : new Object[] {"XXXX", "{}", 0, new BigDecimal("0.00"), false, "1900-01-01", "1900-01-01 00:00:00.0",
                "00:00:00", "1900-01-01T00:00Z", new byte[0]}) {
            assertTrue(mask.mayShow(shown), String.valueOf(shown));
        }
        for (Object real : new Object[] {"T", "Z", " ", "+00", "1900-01-02", 7, new byte[] {1}}) {
            assertFalse(mask.mayShow(real), String.valueOf(real));
        }
        assertFalse(ColumnMask.NULL.mayShow("XXXX"), "the NULL mask shows nothing but NULL");
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Getter<T> {
        T get(ResultSet rs, int column) throws SQLException;
    }

    /** A CLOB column's masked object is a Clob holding the masked text, as the driver's would be. */
    private static void assertShown(String text, Object object, MaskedValue value) throws SQLException {
        assertEquals(text, value.text());
        if (value.object() instanceof java.sql.Clob clob) {
            assertEquals(object, clob.getSubString(1, (int) clob.length()));
        } else {
            assertEquals(object, value.object());
        }
    }

    /** Binds the mask to the column as the driver describes it, and reads the given row. */
    private static MaskedValue read(ColumnMask mask, String column, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + column + " FROM people WHERE id = ?")) {
            statement.setInt(1, id);
            return readFirst(mask, statement);
        }
    }

    /** Reads a VARCHAR value the database hands back, for values the table does not hold. */
    private static MaskedValue readText(ColumnMask mask, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(? AS VARCHAR(1000))")) {
            statement.setString(1, value);
            return readFirst(mask, statement);
        }
    }

    private static MaskedValue readFirst(ColumnMask mask, PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            assertTrue(rs.next());
            CellMask cell = mask.bind(ColumnType.of(rs.getMetaData(), 1));
            return cell.read(rs, 1);
        }
    }

    private static <T> T queryOne(String column, Getter<T> getter) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + column + " FROM people WHERE id = " + VALUES_ROW)) {
            assertTrue(rs.next());
            return getter.get(rs, 1);
        }
    }
}
