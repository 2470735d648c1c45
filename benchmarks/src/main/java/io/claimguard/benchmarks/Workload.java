package io.claimguard.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The schema, rows and queries every stack runs. The two tables have the same column types and
 * the same values; only {@code bench_customers} has protected columns ({@code email},
 * {@code ssn}), so the unprotected and masked workloads differ by the policy alone.
 */
final class Workload {
    static final int ROWS = 1_000;

    private static final String[] CITIES = {"Lisbon", "Oslo", "Tallinn", "Valencia", "Utrecht"};

    private Workload() {
    }

    /** Which table a benchmark reads: {@code unprotected} or {@code masked}. */
    static String table(String param) {
        return switch (param) {
            case "unprotected" -> "bench_orders";
            case "masked" -> "bench_customers";
            default -> throw new IllegalArgumentException("table must be unprotected or masked, not " + param);
        };
    }

    static String pointSelect(String table) {
        return scan(table) + " WHERE id = ?";
    }

    static String scan(String table) {
        return "bench_orders".equals(table)
                ? "SELECT id, customer, contact, code, amount, region FROM bench_orders"
                : "SELECT id, name, email, ssn, salary, city FROM bench_customers";
    }

    /** Reads every column of the current row with the getter an application would use. */
    static void readRow(ResultSet row, Blackhole sink) throws SQLException {
        sink.consume(row.getInt(1));
        sink.consume(row.getString(2));
        sink.consume(row.getString(3));
        sink.consume(row.getString(4));
        sink.consume(row.getBigDecimal(5));
        sink.consume(row.getString(6));
    }

    /** Creates both tables with {@link #ROWS} rows each, through H2's own driver. */
    static void fill(String database) throws SQLException {
        try (Connection raw = DriverManager.getConnection(DriverUnderTest.h2Url(database));
             Statement ddl = raw.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_customers");
            ddl.execute("DROP TABLE IF EXISTS bench_orders");
            ddl.execute("CREATE TABLE bench_customers (id INT PRIMARY KEY, name VARCHAR(64), email VARCHAR(128),"
                    + " ssn VARCHAR(11), salary DECIMAL(12,2), city VARCHAR(32))");
            ddl.execute("CREATE TABLE bench_orders (id INT PRIMARY KEY, customer VARCHAR(64), contact VARCHAR(128),"
                    + " code VARCHAR(11), amount DECIMAL(12,2), region VARCHAR(32))");
            insert(raw, "INSERT INTO bench_customers VALUES (?, ?, ?, ?, ?, ?)");
            insert(raw, "INSERT INTO bench_orders VALUES (?, ?, ?, ?, ?, ?)");
        }
    }

    private static void insert(Connection raw, String sql) throws SQLException {
        try (PreparedStatement insert = raw.prepareStatement(sql)) {
            for (int id = 1; id <= ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, name(id));
                insert.setString(3, email(id));
                insert.setString(4, ssn(id));
                insert.setBigDecimal(5, BigDecimal.valueOf(3_000_000L + 1_733L * id, 2));
                insert.setString(6, CITIES[id % CITIES.length]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String name(int id) {
        return String.format("Customer %04d", id);
    }

    private static String email(int id) {
        return String.format("customer%04d@mail.example.com", id);
    }

    private static String ssn(int id) {
        return String.format("%03d-%02d-%04d", 100 + id % 900, id % 100, 1_000 + id);
    }

    /**
     * Fails the trial unless row 1 reads as expected: masked (email and SSN changed, the rest
     * intact) when {@code expectMasked}, otherwise exactly as stored. A benchmark that silently
     * stopped masking would otherwise report a flattering number.
     */
    static void checkRowOne(ResultSet row, boolean expectMasked, String what) throws SQLException {
        if (!row.next() || row.getInt(1) != 1) {
            throw new IllegalStateException(what + ": row 1 not found");
        }
        boolean intact = name(1).equals(row.getString(2)) && row.getBigDecimal(5) != null
                && CITIES[1].equals(row.getString(6));
        String shownEmail = row.getString(3);
        String shownSsn = row.getString(4);
        boolean masked = shownEmail != null && !shownEmail.equals(email(1)) && shownSsn != null && !shownSsn.equals(ssn(1));
        boolean clear = Objects.equals(shownEmail, email(1)) && Objects.equals(shownSsn, ssn(1));
        if (!intact || (expectMasked ? !masked : !clear)) {
            throw new IllegalStateException(what + ": expected the row " + (expectMasked ? "masked" : "in clear")
                    + " but read email=" + shownEmail + ", ssn=" + shownSsn);
        }
    }
}
