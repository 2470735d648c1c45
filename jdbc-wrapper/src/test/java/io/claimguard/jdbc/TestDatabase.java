package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the conformance suite runs on: H2 always; PostgreSQL and MariaDB on 127.0.0.1
 * whenever they answer, and necessarily when {@code CLAIMGUARD_REQUIRE_SERVICES=true}. Each gets
 * the same tables, in its own types.
 */
enum TestDatabase {
    H2("jdbc:h2:mem:conformance;DB_CLOSE_DELAY=-1",
            "CREATE TABLE cg_customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), ssn VARCHAR(11),"
                    + " salary DECIMAL(12,2), born DATE, updated_at TIMESTAMP WITH TIME ZONE, card VARCHAR(19),"
                    + " notes CLOB, profile JSON, level INT, external_id VARCHAR(40))",
            "CREATE TABLE cg_orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, total DECIMAL(12,2))"),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3",
            "CREATE TABLE cg_customers (id int PRIMARY KEY, name text, email text, ssn text, salary numeric(12,2),"
                    + " born date, updated_at timestamptz, card text, notes text, profile jsonb, level int,"
                    + " external_id text)",
            "CREATE TABLE cg_orders (id serial PRIMARY KEY, customer_id int, total numeric(12,2))"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=3000",
            "CREATE TABLE cg_customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), ssn VARCHAR(11),"
                    + " salary DECIMAL(12,2), born DATE, updated_at DATETIME, card VARCHAR(19), notes TEXT,"
                    + " profile JSON, level INT, external_id VARCHAR(40))",
            "CREATE TABLE cg_orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, total DECIMAL(12,2))");

    static final boolean SERVICES_REQUIRED = Boolean.parseBoolean(System.getenv("CLAIMGUARD_REQUIRE_SERVICES"));
    private static final Map<TestDatabase, Boolean> PREPARED = new ConcurrentHashMap<>();

    final String rawUrl;
    private final List<String> ddl;

    TestDatabase(String rawUrl, String... ddl) {
        this.rawUrl = rawUrl;
        this.ddl = List.of(ddl);
    }

    /** The same database through ClaimGuard. */
    String guardedUrl() {
        return ClaimGuardDriver.URL_PREFIX + rawUrl.substring("jdbc:".length());
    }

    Connection raw() throws SQLException {
        return DriverManager.getConnection(rawUrl);
    }

    /** The databases to run on now: a missing service is skipped, or fails under CLAIMGUARD_REQUIRE_SERVICES. */
    static List<TestDatabase> available() {
        List<TestDatabase> found = new ArrayList<>();
        for (TestDatabase database : values()) {
            try (Connection ignored = database.raw()) {
                found.add(database);
            } catch (SQLException unreachable) {
                if (SERVICES_REQUIRED) {
                    found.add(database);   // its tests will fail in prepare(), naming the service
                }
            }
        }
        return found;
    }

    /** Creates and fills the tables once per run; skips or fails when the database is unreachable. */
    void prepare() {
        PREPARED.computeIfAbsent(this, db -> {
            try (Connection c = raw(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS cg_customers");
                s.execute("DROP TABLE IF EXISTS cg_orders");
                for (String statement : ddl) {
                    s.execute(statement);
                }
                s.execute("INSERT INTO cg_customers VALUES (1, 'Jane Doe', 'jane.doe@example.com', '123-45-6789',"
                        + " 85000.50, DATE '1987-06-15', " + timestamp("2024-03-01 10:15:00") + ", '4111111111111111',"
                        + " 'VIP customer, prefers phone', '{\"tier\": \"gold\"}', 3, 'ext-001')");
                s.execute("INSERT INTO cg_customers (id, name) VALUES (2, 'John Roe')");
                s.execute("INSERT INTO cg_orders (customer_id, total) VALUES (1, 19.99)");
                return true;
            } catch (SQLException e) {
                if (SERVICES_REQUIRED || this == H2) {
                    fail(name() + " at " + rawUrl.split("\\?")[0] + " is unreachable or failed to set up: " + e.getMessage(), e);
                }
                return false;
            }
        });
        Assumptions.assumeTrue(PREPARED.get(this), name() + " is not reachable; skipped");
    }

    private String timestamp(String value) {
        return this == H2 ? "TIMESTAMP WITH TIME ZONE '" + value + "+00:00'"
                : this == POSTGRESQL ? "TIMESTAMPTZ '" + value + "+00'" : "TIMESTAMP '" + value + "'";
    }
}
