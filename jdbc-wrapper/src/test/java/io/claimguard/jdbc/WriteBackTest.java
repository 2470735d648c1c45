package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write-back under the conformance policy, where every protected column has the default
 * {@code writes: preserve}: an application that reads a row as a subject without access and saves
 * the whole row back leaves the protected values as they were, while its other changes land; any
 * other write of a protected column by that subject is refused. Each test runs in a transaction
 * that is rolled back, and reads what is stored as the officer, in that transaction.
 */
@ExtendWith(ConformancePolicy.class)
class WriteBackTest {
    /** The columns a form shows and saves, protected ones included. */
    private static final List<String> FORM = List.of("name", "email", "ssn", "salary", "born", "card", "level",
            "external_id");
    private static final List<String> PROTECTED = FORM.subList(1, FORM.size());
    private static final String SAVE = "UPDATE cg_customers SET " + String.join(" = ?, ", FORM) + " = ? WHERE id = ?";

    static List<TestDatabase> databases() {
        return TestDatabase.available();
    }

    /** The test's connection, in a transaction that is rolled back after the test. */
    private Connection connection;

    private Connection open(TestDatabase db) throws SQLException {
        db.prepare();
        connection = DriverManager.getConnection(db.guardedUrl());
        connection.setAutoCommit(false);
        return connection;
    }

    @AfterEach
    void rollBack() throws SQLException {
        if (connection != null) {
            connection.rollback();
            connection.close();
        }
    }

    /** What the database stores for customer {@code id}, read on {@code c}'s own transaction as the officer. */
    private static Map<String, String> stored(Connection c, int id) throws SQLException {
        try (GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER);
             PreparedStatement s = c.prepareStatement("SELECT " + String.join(", ", FORM) + " FROM cg_customers WHERE id = ?")) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : FORM) {
                    row.put(column, rs.getString(column));
                }
                return row;
            }
        }
    }

    /** The form's values for customer {@code id} as {@code subject} is shown them, read with getObject. */
    private static List<Object> shown(Connection c, Subject subject, int id) throws SQLException {
        try (Quiet ignored = as(subject);
             PreparedStatement s = c.prepareStatement("SELECT " + String.join(", ", FORM) + " FROM cg_customers WHERE id = ?")) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                List<Object> values = new ArrayList<>();
                for (int column = 1; column <= FORM.size(); column++) {
                    values.add(rs.getObject(column));
                }
                return values;
            }
        }
    }

    private static int save(Connection c, Subject subject, List<Object> values, int id) throws SQLException {
        try (Quiet ignored = as(subject); PreparedStatement s = c.prepareStatement(SAVE)) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            s.setInt(values.size() + 1, id);
            return s.executeUpdate();
        }
    }

    private static void assertRefused(Connection c, Subject subject, String column, Executable write) {
        SQLException refused;
        try (Quiet ignored = as(subject)) {
            refused = assertThrows(SQLException.class, write::run);
        }
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains(column), refused.getMessage());
        for (String secret : List.of("123-45-6789", "jane.doe", "85000", "4111", "ext-001")) {
            assertFalse(refused.getMessage().contains(secret), "no value in: " + refused.getMessage());
        }
    }

    /** A scope whose close throws nothing. */
    interface Quiet extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs as {@code subject}, or with no subject when it is null. */
    private static Quiet as(Subject subject) {
        if (subject == null) {
            return () -> { };
        }
        GuardContext.Scope scope = GuardContext.open(subject);
        return scope::close;
    }

    @FunctionalInterface
    interface Executable {
        void run() throws SQLException;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void savingTheRowAsShown_keepsEveryProtectedValue_andChangesTheRest(TestDatabase db) throws SQLException {
        Connection c = open(db);
        Map<String, String> before = stored(c, 1);
        List<Object> form = shown(c, Subjects.AGENT, 1);
        assertNotEquals(before.get("ssn"), String.valueOf(form.get(2)), "the agent is shown a mask");
        form.set(0, "Jane Q. Doe");

        assertEquals(1, save(c, Subjects.AGENT, form, 1), "the update count is the application's");

        Map<String, String> after = stored(c, 1);
        assertEquals("Jane Q. Doe", after.get("name"));
        for (String column : PROTECTED) {
            assertEquals(before.get(column), after.get(column), column + " keeps its stored value");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void savingAsShown_worksForRowsWithNullsAndWithNoSubject(TestDatabase db) throws SQLException {
        Connection c = open(db);
        List<Object> form = shown(c, Subjects.AGENT, 2);   // John Roe: every protected column is NULL
        form.set(0, "John Q. Roe");
        assertEquals(1, save(c, Subjects.AGENT, form, 2));
        assertEquals("John Q. Roe", stored(c, 2).get("name"));

        Map<String, String> before = stored(c, 1);
        List<Object> anonymous = shown(c, null, 1);   // on_no_subject: mask
        assertEquals(1, save(c, null, anonymous, 1));
        assertEquals(before, stored(c, 1));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void writingAnythingButWhatWasShown_isRefused_andChangesNothing(TestDatabase db) throws SQLException {
        Connection c = open(db);
        Map<String, String> before = stored(c, 1);
        List<Object> form = shown(c, Subjects.AGENT, 1);

        List<Object> newSsn = new ArrayList<>(form);
        newSsn.set(2, "999-99-9999");
        assertRefused(c, Subjects.AGENT, "cg_customers.ssn", () -> save(c, Subjects.AGENT, newSsn, 1));

        List<Object> clearedEmail = new ArrayList<>(form);
        clearedEmail.set(1, null);
        assertRefused(c, Subjects.AGENT, "cg_customers.email", () -> save(c, Subjects.AGENT, clearedEmail, 1));

        // Row 1's masks are shaped right, but row 2 was shown NULLs: not what was shown there.
        assertRefused(c, Subjects.AGENT, "cg_customers.email", () -> save(c, Subjects.AGENT, form, 2));

        assertEquals(before, stored(c, 1));
        assertNull(stored(c, 2).get("email"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whatTheTextComputes_cannotBeCheckedAndIsRefused(TestDatabase db) throws SQLException {
        Connection c = open(db);
        try (Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE cg_customers SET email = CONCAT('x', name) WHERE id = 1",
                    "UPDATE cg_customers SET email = DEFAULT WHERE id = 1",
                    "UPDATE cg_customers SET level = level + 1 WHERE id = 1",
                    "INSERT INTO cg_customers (id, name, email) SELECT 7, name, name FROM cg_orders o, cg_customers WHERE 1 = 0")) {
                assertRefused(c, Subjects.AGENT, "cg_customers.", () -> s.executeUpdate(sql));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPlainStatementWithLiterals_keepsTheStoredValueToo(TestDatabase db) throws SQLException {
        Connection c = open(db);
        try (Statement s = c.createStatement()) {
            Map<String, String> before = stored(c, 1);
            String maskedEmail = (String) shown(c, Subjects.AGENT, 1).get(1);
            String sql = "UPDATE cg_customers SET name = 'Jane R. Doe', email = '" + maskedEmail + "', level = NULL"
                    + " WHERE id = 1";
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT)) {
                assertEquals(1, s.executeUpdate(sql));
            }
            Map<String, String> after = stored(c, 1);
            assertEquals("Jane R. Doe", after.get("name"));
            assertEquals(before.get("email"), after.get("email"));
            assertEquals(before.get("level"), after.get("level"));

            assertRefused(c, Subjects.AGENT, "cg_customers.email",
                    () -> s.executeUpdate("UPDATE cg_customers SET email = 'a@b.example' WHERE id = 1"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchOfSavedRows_keepsTheirProtectedValues(TestDatabase db) throws SQLException {
        Connection c = open(db);
        Map<String, String> before = stored(c, 1);
        List<List<Object>> forms = List.of(shown(c, Subjects.AGENT, 1), shown(c, Subjects.AGENT, 2));
        try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT); PreparedStatement s = c.prepareStatement(SAVE)) {
            for (int row = 0; row < 2; row++) {
                List<Object> form = new ArrayList<>(forms.get(row));
                form.set(0, "batched " + row);
                for (int i = 0; i < form.size(); i++) {
                    s.setObject(i + 1, form.get(i));
                }
                s.setInt(form.size() + 1, row + 1);
                s.addBatch();
            }
            assertArrayEquals(new int[] {1, 1}, s.executeBatch());
        }
        Map<String, String> after = stored(c, 1);
        assertEquals("batched 0", after.get("name"));
        assertEquals("batched 1", stored(c, 2).get("name"));
        for (String column : PROTECTED) {
            assertEquals(before.get(column), after.get(column), column);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchBuiltForOneSubject_doesNotRunForAnother(TestDatabase db) throws SQLException {
        Connection c = open(db);
        try (PreparedStatement s = c.prepareStatement("UPDATE cg_customers SET ssn = ? WHERE id = ?")) {
            try (GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER)) {
                s.setString(1, "000-00-0000");
                s.setInt(2, 2);
                s.addBatch();
            }
            assertRefused(c, Subjects.AGENT, "batch", s::executeBatch);
            assertNull(stored(c, 2).get("ssn"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSubjectWithAccess_writesThroughTheSameStatement(TestDatabase db) throws SQLException {
        Connection c = open(db);
        List<Object> form = shown(c, Subjects.OFFICER, 1);
        form.set(2, "987-65-4321");
        form.set(6, null);
        assertEquals(1, save(c, Subjects.OFFICER, form, 1));
        Map<String, String> after = stored(c, 1);
        assertEquals("987-65-4321", after.get("ssn"));
        assertNull(after.get("level"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void newRows_mayLeaveProtectedColumnsEmpty_butNotFillThem(TestDatabase db) throws SQLException {
        Connection c = open(db);
        String insert = "INSERT INTO cg_customers (id, name, ssn, email) VALUES (?, ?, ?, ?)";
        try (GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT); PreparedStatement s = c.prepareStatement(insert)) {
            s.setInt(1, 50);
            s.setString(2, "New Customer");
            s.setNull(3, Types.VARCHAR);
            s.setNull(4, Types.VARCHAR);
            assertEquals(1, s.executeUpdate());
            s.setInt(1, 51);
            s.setString(3, "***-**-6789");
            assertRefused(c, Subjects.AGENT, "cg_customers.ssn", s::executeUpdate);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void parameterMetadata_numbersTheApplicationsParameters(TestDatabase db) throws SQLException {
        Connection c = open(db);
        try (PreparedStatement s = c.prepareStatement(SAVE)) {
            assertEquals(FORM.size() + 1, s.getParameterMetaData().getParameterCount());
        }
    }
}
