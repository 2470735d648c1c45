package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.ReadPaths.Outcome;
import io.claimguard.jdbc.ReadPaths.ReadPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ResultSet getter of column data, by index and by label, from the one shared source
 * {@link ReadPaths} (Conventions 4, 13 and 14): masked text columns never show the raw value on
 * any path, NULL masks read as NULL with wasNull, and unprotected columns read exactly as the
 * raw H2 driver reads them.
 */
class ReadPathsTest {
    private static final String H2_URL = "jdbc:h2:mem:cg_readpaths;DB_CLOSE_DELAY=-1";
    private static final String RAW_SSN = "123-45-6789";
    private static final String SSN_FRAGMENT = "45-67";
    private static final String RAW_NOTES = "SSN " + RAW_SSN + " is on file";

    /** May see every protected column of this policy except the rp_fuzz ones, which nobody may. */
    private static final Subject READER = Subject.fromClaims(Map.of("sub", "reader-1", "scope", "pii.ssn"));

    private static final String POLICY = """
            jdbc:
              hash_secret: "read-paths-test-secret-0123456789"
              columns:
                - {column: rp_people.ssn_last4, allow: ["scope:pii.ssn"], mask: last4}
                - {column: rp_people.ssn_first4, allow: ["scope:pii.ssn"], mask: first4}
                - {column: rp_people.ssn_email, allow: ["scope:pii.ssn"], mask: email}
                - {column: rp_people.ssn_default, allow: ["scope:pii.ssn"], mask: default}
                - {column: rp_people.ssn_redact, allow: ["scope:pii.ssn"], mask: redact}
                - {column: rp_people.ssn_hash, allow: ["scope:pii.ssn"], mask: hash}
                - {column: rp_people.ssn_partial, allow: ["scope:pii.ssn"], mask: 'partial(2,"~~",2)'}
                - {column: rp_people.ssn_year, allow: ["scope:pii.ssn"], mask: year}
                - {column: rp_people.ssn_char, allow: ["scope:pii.ssn"], mask: last4}
                - {column: rp_people.ssn_nchar, allow: ["scope:pii.ssn"], mask: first4}
                - {column: rp_people.notes, allow: ["scope:pii.ssn"], mask: last4}
                - {column: rp_people.ssn_null, allow: ["scope:pii.ssn"], mask: null}
                - {column: rp_people.ssn_nomask, allow: ["scope:pii.ssn"]}
                - {column: rp_fuzz.f_last4, mask: last4}
                - {column: rp_fuzz.f_first4, mask: first4}
                - {column: rp_fuzz.f_email, mask: email}
                - {column: rp_fuzz.f_default, mask: default}
                - {column: rp_fuzz.f_redact, mask: redact}
                - {column: rp_fuzz.f_hash, mask: hash}
                - {column: rp_fuzz.f_partial, mask: 'partial(2,"~~",2)'}
                - {column: rp_fuzz.f_null, mask: "null"}
            """;

    /** Masked text columns holding the SSN (or the notes), with what getString must show. */
    private static final Map<String, String> MASKED = new LinkedHashMap<>();
    static {
        MASKED.put("ssn_last4", "*******6789");
        MASKED.put("ssn_first4", "123-*******");
        MASKED.put("ssn_email", "****");
        MASKED.put("ssn_default", "XXXX");
        MASKED.put("ssn_redact", "[REDACTED]");
        MASKED.put("ssn_hash", null);          // a pseudonym: checked by shape
        MASKED.put("ssn_partial", "12~~89");
        MASKED.put("ssn_year", "XXXX");         // not an ISO date: the default
        MASKED.put("ssn_char", "*******6789");
        MASKED.put("ssn_nchar", "123-*******");
        MASKED.put("notes", "*".repeat(RAW_NOTES.length() - 4) + "file");
    }
    private static final List<String> NULL_MASKED = List.of("ssn_null", "ssn_nomask");
    private static final List<String> UNPROTECTED = List.of("id", "plain", "u_int", "u_bigint", "u_dec", "u_double",
            "u_bool", "u_date", "u_time", "u_ts", "u_tstz", "u_bin", "u_blob", "u_clob", "u_arr", "u_json", "u_uuid",
            "u_null");
    private static final List<String> FUZZ_MASKED = List.of("f_last4", "f_first4", "f_email", "f_default", "f_redact",
            "f_hash", "f_partial", "f_null");
    /** The fuzz reads every value by index, and every tenth one by label as well (the same conversions after findColumn). */
    private static final int LABEL_EVERY = 10;
    private static final Pattern HEX_PSEUDONYM = Pattern.compile("[0-9a-f]{32}");

    @TempDir
    static Path configDir;
    private static DataSource guarded;

    @BeforeAll
    static void createTables() throws Exception {
        Path policy = configDir.resolve("readpaths.yaml");
        Files.writeString(policy, POLICY, StandardCharsets.UTF_8);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        guarded = new ClaimGuardDataSource(h2, policy.toString());
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS rp_people");
            s.execute("DROP TABLE IF EXISTS rp_fuzz");
            s.execute("CREATE TABLE rp_people (id INT PRIMARY KEY, ssn_last4 VARCHAR(40), ssn_first4 VARCHAR(40),"
                    + " ssn_email VARCHAR(40), ssn_default VARCHAR(40), ssn_redact VARCHAR(40), ssn_hash VARCHAR(40),"
                    + " ssn_partial VARCHAR(40), ssn_year VARCHAR(40), ssn_char CHAR(11), ssn_nchar NVARCHAR(40),"
                    + " notes CLOB, ssn_null VARCHAR(40), ssn_nomask VARCHAR(40), plain VARCHAR(40), u_int INT,"
                    + " u_bigint BIGINT, u_dec DECIMAL(12,2), u_double DOUBLE PRECISION, u_bool BOOLEAN, u_date DATE,"
                    + " u_time TIME, u_ts TIMESTAMP, u_tstz TIMESTAMP WITH TIME ZONE, u_bin VARBINARY(16), u_blob BLOB,"
                    + " u_clob CLOB, u_arr INT ARRAY, u_json JSON, u_uuid UUID, u_null VARCHAR(10))");
            s.execute("INSERT INTO rp_people VALUES (1, '" + RAW_SSN + "', '" + RAW_SSN + "', '" + RAW_SSN + "', '"
                    + RAW_SSN + "', '" + RAW_SSN + "', '" + RAW_SSN + "', '" + RAW_SSN + "', '" + RAW_SSN + "', '"
                    + RAW_SSN + "', '" + RAW_SSN + "', '" + RAW_NOTES + "', '" + RAW_SSN + "', '" + RAW_SSN + "', '"
                    + RAW_SSN + "', 42, 9007199254740993, 85000.50, 2.5, TRUE, DATE '1987-06-15', TIME '10:15:30',"
                    + " TIMESTAMP '2024-03-01 10:15:00', TIMESTAMP WITH TIME ZONE '2024-03-01 10:15:00+02:00',"
                    + " X'0102ff', X'cafe', 'long text', ARRAY[1, 2, 3], JSON '{\"a\":1}',"
                    + " '123e4567-e89b-12d3-a456-426614174000', NULL)");
            s.execute("CREATE TABLE rp_fuzz (id INT PRIMARY KEY, f_last4 VARCHAR(500), f_first4 VARCHAR(500),"
                    + " f_email VARCHAR(500), f_default VARCHAR(500), f_redact VARCHAR(500), f_hash VARCHAR(500),"
                    + " f_partial VARCHAR(500), f_null VARCHAR(500), raw VARCHAR(500))");
        }
    }

    private static Connection raw() throws SQLException {
        return DriverManager.getConnection(H2_URL);
    }

    @FunctionalInterface
    interface RowCheck {
        void accept(ResultSet rs, Map<String, String> labels) throws Exception;
    }

    /**
     * Runs {@code check} on the first row of rp_people as {@code subject}, in two shapes: SELECT * by
     * a plain statement (labels are the column names), and an aliased, table-qualified SELECT by a
     * prepared statement (labels are the aliases).
     */
    private static void eachShape(Subject subject, RowCheck check) throws Exception {
        List<String> columns = new ArrayList<>(MASKED.keySet());
        columns.addAll(NULL_MASKED);
        columns.addAll(UNPROTECTED);
        Map<String, String> sameNames = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        StringBuilder select = new StringBuilder("SELECT ");
        for (String column : columns) {
            sameNames.put(column, column);
            aliases.put(column, "x_" + column);
            select.append(select.length() > 7 ? ", " : "").append("p.").append(column).append(" AS x_").append(column);
        }
        select.append(" FROM rp_people p WHERE p.id = ?");
        try (Connection c = guarded.getConnection(); GuardContext.Scope ignored = GuardContext.open(subject)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM rp_people WHERE id = 1")) {
                assertTrue(rs.next());
                check.accept(rs, sameNames);
            }
            try (PreparedStatement ps = c.prepareStatement(select.toString())) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    check.accept(rs, aliases);
                }
            }
        }
    }

    private static Outcome read(ReadPath path, ResultSet rs, String label) throws SQLException {
        return path.read(rs, rs.findColumn(label), label);
    }

    // ---- the source of read paths itself

    @Test
    void readPathSource_hasAnArgumentRecipeForEveryGetter() {
        assertEquals(List.of(), ReadPaths.withoutRecipe(ResultSet.class), "ResultSet getters without a recipe");
        assertEquals(List.of(), ReadPaths.withoutRecipe(CallableStatement.class), "CallableStatement getters without a recipe");
        Set<String> names = new TreeSet<>();
        ReadPaths.of(ResultSet.class).forEach(p -> names.add(p.method().getName()));
        for (String getter : List.of("getString", "getNString", "getObject", "getBytes", "getCharacterStream",
                "getNCharacterStream", "getAsciiStream", "getBinaryStream", "getUnicodeStream", "getClob", "getNClob",
                "getBlob", "getSQLXML", "getArray", "getRef", "getURL", "getRowId", "getBigDecimal", "getBoolean",
                "getByte", "getShort", "getInt", "getLong", "getFloat", "getDouble", "getDate", "getTime", "getTimestamp")) {
            assertTrue(names.contains(getter), getter + " is a read path");
        }
        long byIndex = ReadPaths.of(ResultSet.class, false).size();
        assertEquals(byIndex, ReadPaths.of(ResultSet.class, true).size(), "every getter by index has one by label");
    }

    @Test
    void leakCheck_seesTheRawValue_inAnUnprotectedCopy() throws Exception {
        // The check below must not be vacuous: on the unprotected copy it finds the SSN on every kind of path.
        Set<String> leaking = new TreeSet<>();
        eachShape(Subjects.AGENT, (rs, labels) -> {
            for (ReadPath path : ReadPaths.of(ResultSet.class)) {
                if (read(path, rs, labels.get("plain")).everythingShown().stream().anyMatch(t -> t.contains(RAW_SSN))) {
                    leaking.add(path.method().getName());
                }
            }
        });
        assertTrue(leaking.containsAll(List.of("getString", "getNString", "getObject", "getBytes", "getCharacterStream",
                "getNCharacterStream", "getAsciiStream", "getBinaryStream", "getClob", "getNClob", "getBlob",
                "getSQLXML", "getArray")), "the renderer reads every kind of value: " + leaking);
    }

    // ---- masked columns

    @Test
    void getString_maskedColumns_showTheirMask() throws Exception {
        eachShape(Subjects.AGENT, (rs, labels) -> {
            for (Map.Entry<String, String> column : MASKED.entrySet()) {
                String shown = rs.getString(labels.get(column.getKey()));
                if (column.getValue() == null) {
                    assertTrue(HEX_PSEUDONYM.matcher(shown).matches(), column.getKey() + ": " + shown);
                } else {
                    assertEquals(column.getValue(), shown, column.getKey());
                }
                assertFalse(rs.wasNull());
            }
        });
    }

    @Test
    void getString_allowedSubject_seesRawValues() throws Exception {
        eachShape(READER, (rs, labels) -> {
            assertEquals(RAW_SSN, rs.getString(labels.get("ssn_last4")));
            assertEquals(RAW_SSN, rs.getString(labels.get("ssn_null")));
            assertEquals(RAW_NOTES, rs.getString(labels.get("notes")));
        });
    }

    @TestFactory
    List<DynamicTest> everyReadPath_maskedColumns_neverShowTheRawValue() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReadPath path : ReadPaths.of(ResultSet.class)) {
            tests.add(DynamicTest.dynamicTest(path + " on masked columns", () -> eachShape(Subjects.AGENT, (rs, labels) -> {
                for (String column : MASKED.keySet()) {
                    Outcome outcome = read(path, rs, labels.get(column));
                    assertNoRawValue(path + " on " + column, outcome);
                    if (outcome.error() == null && !path.primitive()) {
                        assertEquals(outcome.value() == null, outcome.wasNull(),
                                path + " on " + column + ": wasNull agrees with the value " + outcome);
                    } else if (outcome.error() == null) {
                        assertFalse(outcome.wasNull(), path + " on " + column + ": the cell is not NULL");
                    }
                }
            })));
        }
        return tests;
    }

    private static void assertNoRawValue(String where, Outcome outcome) {
        if (outcome.error() != null) {
            assertInstanceOf(SQLException.class, outcome.error(), where + " may fail only with an SQLException");
        }
        for (String shown : outcome.everythingShown()) {
            assertFalse(shown.contains(RAW_SSN) || shown.contains(SSN_FRAGMENT) || shown.contains("is on file"),
                    where + " showed the raw value: " + outcome);
        }
    }

    @TestFactory
    List<DynamicTest> everyReadPath_nullMaskColumns_readNullAndWasNull() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReadPath path : ReadPaths.of(ResultSet.class)) {
            tests.add(DynamicTest.dynamicTest(path + " on NULL-masked columns", () -> eachShape(Subjects.AGENT, (rs, labels) -> {
                for (String column : NULL_MASKED) {
                    // an unprotected read first, so that wasNull() must change to say true
                    rs.getInt(labels.get("u_int"));
                    Outcome outcome = read(path, rs, labels.get(column));
                    assertTrue(outcome.isNullOrZero(), path + " on " + column + " gave " + outcome);
                    assertTrue(outcome.wasNull(), path + " on " + column + ": wasNull() must be true");
                }
            })));
        }
        return tests;
    }

    // ---- unprotected columns: exactly the raw driver

    @TestFactory
    List<DynamicTest> everyReadPath_unprotectedColumns_matchTheRawDriver() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> everything = new ArrayList<>(MASKED.keySet());
        everything.addAll(NULL_MASKED);
        everything.addAll(UNPROTECTED);
        String unprotectedOnly = "SELECT " + String.join(", ", UNPROTECTED) + " FROM rp_people WHERE id = 1";
        for (ReadPath path : ReadPaths.of(ResultSet.class)) {
            tests.add(DynamicTest.dynamicTest(path + " on unprotected columns", () -> {
                // some columns masked (label getters go through the plan), none touched (straight to the driver),
                // and a subject allowed everything
                compareWithRaw(path, Subjects.AGENT, "SELECT * FROM rp_people WHERE id = 1", UNPROTECTED);
                compareWithRaw(path, Subjects.AGENT, unprotectedOnly, UNPROTECTED);
                compareWithRaw(path, READER, "SELECT * FROM rp_people WHERE id = 1", everything);
            }));
        }
        return tests;
    }

    private static void compareWithRaw(ReadPath path, Subject subject, String sql, List<String> columns) throws Exception {
        try (Connection rawConnection = raw(); Statement rawStatement = rawConnection.createStatement();
             ResultSet expected = rawStatement.executeQuery(sql);
             Connection c = guarded.getConnection(); GuardContext.Scope ignored = GuardContext.open(subject);
             Statement s = c.createStatement(); ResultSet actual = s.executeQuery(sql)) {
            assertTrue(expected.next());
            assertTrue(actual.next());
            for (String column : columns) {
                String rawRead = read(path, expected, column).comparable();
                String guardedRead = read(path, actual, column).comparable();
                if (rawRead.startsWith(ResultSet.class.getName()) && guardedRead.startsWith(ResultSet.class.getName())) {
                    continue;   // a cursor as a value is wrapped and masked as routine output: see the test below
                }
                assertEquals(rawRead, guardedRead, path + " on " + column + " for " + sql);
            }
        }
    }

    @Test
    void getObjectAsResultSet_arrayColumn_isAClaimGuardWrapper() throws Exception {
        try (Connection c = guarded.getConnection(); GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM rp_people WHERE id = 1")) {
            assertTrue(rs.next());
            for (ResultSet cursor : List.of(rs.getObject("u_arr", ResultSet.class), rs.getObject(rs.findColumn("u_arr"), ResultSet.class))) {
                assertTrue(cursor.getClass().getName().startsWith("io.claimguard."), cursor.getClass().getName());
                assertTrue(cursor.getStatement() == null || cursor.getStatement() == s, "no raw statement behind it");
                cursor.close();
            }
        }
    }

    // ---- property: random values never read back raw (Convention 14)

    @Test
    void randomValues_maskedColumns_neverReadBackRaw_onAnyPath() throws Exception {
        List<String> values = fuzzValues(500, 20_240_301L);
        try (Connection c = raw(); Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO rp_fuzz VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.execute("DELETE FROM rp_fuzz");
            for (int row = 0; row < values.size(); row++) {
                insert.setInt(1, row);
                for (int column = 2; column <= 10; column++) {
                    insert.setString(column, values.get(row));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<ReadPath> paths = ReadPaths.of(ResultSet.class);
        Map<String, String> hashes = new HashMap<>();
        int rows = 0;
        try (Connection c = guarded.getConnection(); GuardContext.Scope ignored = GuardContext.open(READER);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM rp_fuzz ORDER BY id")) {
            while (rs.next()) {
                String raw = rs.getString("raw");
                assertEquals(values.get(rows++), raw, "H2 stores the value as generated");
                for (String column : FUZZ_MASKED) {
                    String shown = rs.getString(column);
                    if (raw == null) {
                        assertNull(shown);
                    } else {
                        assertMaskShape(column, raw, shown);
                        if (column.equals("f_hash")) {
                            String before = hashes.putIfAbsent(raw, shown);
                            assertTrue(before == null || before.equals(shown), "the pseudonym is stable");
                        }
                    }
                    for (ReadPath path : paths) {
                        if (path.byLabel() && rows % LABEL_EVERY != 0) {
                            continue;
                        }
                        Outcome outcome = read(path, rs, column);
                        int row = rows - 1;
                        Supplier<String> where = () -> path + " on " + column + " for raw value #" + row;
                        if (raw == null || column.equals("f_null")) {
                            assertTrue(outcome.isNullOrZero(), () -> where.get() + " gave " + outcome);
                            assertTrue(outcome.wasNull(), () -> where.get() + ": wasNull()");
                        } else {
                            assertNeverRaw(where, raw, outcome);
                        }
                    }
                }
            }
        }
        assertEquals(values.size(), rows);
        assertEquals(hashes.size(), new TreeSet<>(hashes.values()).size(), "distinct values get distinct pseudonyms");
    }

    /** Exactly what each mask must show for {@code raw}, computed from the documented rules. */
    private static void assertMaskShape(String column, String raw, String shown) {
        int length = raw.codePointCount(0, raw.length());
        String where = column + " of " + describe(raw);
        switch (column) {
            case "f_last4" -> assertEquals(length <= 4 ? "*".repeat(length)
                    : "*".repeat(length - 4) + raw.substring(raw.offsetByCodePoints(raw.length(), -4)), shown, where);
            case "f_first4" -> assertEquals(length <= 4 ? "*".repeat(length)
                    : raw.substring(0, raw.offsetByCodePoints(0, 4)) + "*".repeat(length - 4), shown, where);
            case "f_partial" -> assertEquals(length <= 4 ? "~~"
                    : raw.substring(0, raw.offsetByCodePoints(0, 2)) + "~~"
                            + raw.substring(raw.offsetByCodePoints(raw.length(), -2)), shown, where);
            case "f_email" -> {
                int at = raw.lastIndexOf('@');
                if (at <= 0 || raw.indexOf('.', at) < 0) {
                    assertEquals("****", shown, where + " is not an address: fully hidden");
                } else if (!shown.equals("****")) {
                    String tld = raw.substring(raw.lastIndexOf('.'));
                    assertTrue(tld.matches("\\.[A-Za-z0-9-]{1,63}"), where + ": only a real top-level domain is shown");
                    assertEquals(raw.substring(0, raw.offsetByCodePoints(0, 1)) + "***@***" + tld, shown, where);
                }
            }
            case "f_default" -> assertEquals("XXXX", shown, where);
            case "f_redact" -> assertEquals("[REDACTED]", shown, where);
            case "f_hash" -> assertTrue(HEX_PSEUDONYM.matcher(shown).matches(), where + ": " + shown);
            case "f_null" -> assertNull(shown, where);
            default -> fail("no expectation for " + column);
        }
    }

    /** No path shows the raw value; a long one never appears inside anything shown either. */
    private static void assertNeverRaw(Supplier<String> where, String raw, Outcome outcome) {
        if (outcome.error() != null) {
            assertInstanceOf(SQLException.class, outcome.error(), () -> where.get() + " may fail only with an SQLException");
        }
        boolean nothingToHide = raw.chars().allMatch(c -> c == '*');   // "" and "**": starring shows them as they are
        boolean longEnough = raw.codePointCount(0, raw.length()) >= 5;
        for (String shown : outcome.everythingShown()) {
            assertFalse(!nothingToHide && shown.equals(raw), () -> where.get() + " returned the raw value: " + outcome);
            assertFalse(longEnough && shown.contains(raw), () -> where.get() + " contains the raw value: " + outcome);
        }
    }

    private static String describe(String raw) {
        StringBuilder codes = new StringBuilder();
        raw.codePoints().forEach(cp -> codes.append(String.format("U+%04X ", cp)));
        return "'" + raw + "' (" + codes.toString().trim() + ")";
    }

    /** Fixed edge cases first, then random values of five kinds; a tenth of the random ones NULL. */
    static List<String> fuzzValues(int count, long seed) {
        List<String> values = new ArrayList<>(List.of("", "a", "ab", "abc", "abcd", "abcde", "1234", "12345", "é",
                "😀", "😀😀😀😀", "😀😀😀😀😀", "a😀b😀c", "a@b.c", "@b.com", "a@.com", "a@b.", "jane@example.com",
                "jane.doe@mail.example.co.uk", "jane@example", "x@y.c0m", "x@y.com ", "x@y.c m", "x@y.é",
                "not an email", RAW_SSN, " ", "    ", "\t\n", "áb́ć", "中文字符测试", "a@b.com.", "A@B.COM",
                "é@ü.de", "😀@😀.com", "4111111111111111", "x".repeat(400)));
        Random random = new Random(seed);
        while (values.size() < count) {
            int kind = random.nextInt(10);
            String value = switch (kind) {
                case 0 -> null;
                case 1, 2 -> randomText(random, random.nextInt(5));
                case 3, 4 -> randomText(random, 1 + random.nextInt(8)) + "@" + randomText(random, 1 + random.nextInt(6))
                        + "." + randomWord(random, 1 + random.nextInt(6));
                case 5 -> randomWord(random, 1 + random.nextInt(8)) + (random.nextBoolean() ? "@" : "")
                        + randomWord(random, random.nextInt(5)) + (random.nextBoolean() ? "." : "");
                case 6 -> String.format("%03d-%02d-%04d", random.nextInt(1000), random.nextInt(100), random.nextInt(10_000));
                default -> randomText(random, 5 + random.nextInt(60));
            };
            if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c == '*')) {
                values.add(value);
            }
        }
        return values;
    }

    private static final int[][] ALPHABET = {
        {0x20, 0x7e},        // printable ASCII, '@', '.', '*' and '-' included
        {0xc0, 0xff},        // Latin-1 letters
        {0x391, 0x3c9},      // Greek
        {0x4e00, 0x4e50},    // CJK
        {0x1f600, 0x1f64f},  // emoji: surrogate pairs
        {0x300, 0x36f},      // combining marks
    };

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = ALPHABET[random.nextInt(4) == 0 ? random.nextInt(ALPHABET.length) : 0];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    private static String randomWord(Random random, int length) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }
}
