package io.claimguard.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customers as seeded, read from a fresh H2 database that ran the application's own seed
 * script, and the demo's database read and repaired directly (the raw URL, no ClaimGuard): what
 * tests compare the application's answers with.
 */
final class Seed {
    /** The demo's database: the same in-memory H2 database, in this JVM. */
    private static final String RAW_URL = "jdbc:h2:mem:support";
    private static final String SELECT = "SELECT id, name, email, phone, ssn, card_number, salary, city, notes FROM customers";
    private static final Map<Integer, Map<Column, String>> SEEDED;

    static {
        try {
            SEEDED = read("jdbc:h2:mem:seed-as-shipped;INIT=RUNSCRIPT FROM 'classpath:db/seed.sql'", SELECT + " ORDER BY id");
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Seed() {
    }

    /** Every seeded row by id, each column's value as text (salary as plain decimal), NULL as null. */
    static Map<Integer, Map<Column, String>> rows() {
        return SEEDED;
    }

    static Map<Column, String> row(int id) {
        return SEEDED.get(id);
    }

    /** The seeded row with one column changed: what a save of that one edit must leave stored. */
    static Map<Column, String> rowWith(int id, Column column, String value) {
        Map<Column, String> row = new EnumMap<>(SEEDED.get(id));
        row.put(column, value);
        return row;
    }

    /** The row as the demo's database holds it now. */
    static Map<Column, String> stored(int id) throws SQLException {
        return read(RAW_URL, SELECT + " WHERE id = " + id).get(id);
    }

    /** Puts the seeded row back, so that a test's edit does not reach the next test. */
    static void restore(int id) throws SQLException {
        Map<Column, String> row = SEEDED.get(id);
        try (Connection connection = DriverManager.getConnection(RAW_URL, "sa", "");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE customers SET name=?, email=?, phone=?, ssn=?, card_number=?, salary=?, city=?, notes=? WHERE id=?")) {
            int i = 1;
            for (Column column : Column.values()) {
                if (column != Column.ID) {
                    update.setObject(i++, column == Column.SALARY && row.get(column) != null
                            ? new BigDecimal(row.get(column)) : row.get(column));
                }
            }
            update.setInt(i, id);
            update.executeUpdate();
        }
    }

    private static Map<Integer, Map<Column, String>> read(String url, String sql) throws SQLException {
        Map<Integer, Map<Column, String>> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                Map<Column, String> row = new EnumMap<>(Column.class);
                for (Column column : Column.values()) {
                    Object value = result.getObject(column.key);
                    row.put(column, value instanceof BigDecimal amount ? amount.toPlainString() : value == null ? null : value.toString());
                }
                rows.put(result.getInt("id"), row);
            }
        }
        return rows;
    }
}
