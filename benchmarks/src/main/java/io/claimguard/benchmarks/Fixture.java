package io.claimguard.benchmarks;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One trial's database, connection and ClaimGuard subject. Opened and closed on the benchmark
 * thread (a {@code Scope.Thread} state's trial-level setup), because the subject is thread-local.
 * Every stack gets the subject; only ClaimGuard reads it.
 */
final class Fixture implements AutoCloseable {
    /** A support agent without {@code scope:pii.read}: may see neither protected column. */
    private static final Subject SUBJECT = Subject.fromClaims(Map.of("sub", "bench", "roles", List.of("support")));

    final DriverUnderTest driver;
    private final OwningConnection link;
    private final GuardContext.Scope subject;

    private Fixture(DriverUnderTest driver, OwningConnection link, GuardContext.Scope subject) {
        this.driver = driver;
        this.link = link;
        this.subject = subject;
    }

    static Fixture open(String driverParam) throws SQLException {
        DriverUnderTest driver = DriverUnderTest.of(driverParam);
        String database = "bench_" + driver.name().toLowerCase(Locale.ROOT);
        Workload.fill(database);
        GuardContext.Scope subject = GuardContext.open(SUBJECT);
        try {
            return new Fixture(driver, driver.connect(database), subject);
        } catch (SQLException | RuntimeException e) {
            subject.close();
            throw e;
        }
    }

    Connection connection() {
        return link.connection();
    }

    @Override
    public void close() throws Exception {
        try {
            link.close();
        } finally {
            subject.close();
        }
    }
}
