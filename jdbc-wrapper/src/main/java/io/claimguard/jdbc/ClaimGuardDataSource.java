package io.claimguard.jdbc;

import io.claimguard.jdbc.policy.Policy;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps any DataSource (a pool such as HikariCP, or one looked up in JNDI) so that its
 * connections mask protected columns like {@link ClaimGuardDriver}'s do.
 *
 * <pre>{@code
 * DataSource guarded = new ClaimGuardDataSource(hikariDataSource);
 * }</pre>
 *
 * The policy is read when the wrapper is built, so a missing or invalid configuration fails at
 * startup with a {@link io.claimguard.core.ConfigException} naming the problem.
 */
public final class ClaimGuardDataSource implements DataSource {
    private final DataSource target;
    private final Policy policy;
    private volatile Enforcement enforcement;

    /** Uses the configuration found in the documented lookup order. */
    public ClaimGuardDataSource(DataSource target) {
        this(target, Policies.located());
    }

    /** Uses the configuration at a file path or {@code classpath:name}. */
    public ClaimGuardDataSource(DataSource target, String configLocation) {
        this(target, Policies.at(Objects.requireNonNull(configLocation, "configLocation")));
    }

    private ClaimGuardDataSource(DataSource target, Policy policy) {
        this.target = Objects.requireNonNull(target, "target");
        this.policy = policy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guard(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guard(target.getConnection(username, password));
    }

    private Connection guard(Connection raw) throws SQLException {
        try {
            Enforcement current = enforcement;
            if (current == null) {
                // one DataSource reaches one database: detect it, and read its catalog, once
                current = Enforcement.of(policy, raw);
                enforcement = current;
            }
            return GuardedConnection.wrap(raw, current);
        } catch (SQLException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, target, iface, policy.allowUnwrap());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, target, iface, policy.allowUnwrap());
    }

    @Override
    public String toString() {
        return "ClaimGuard[" + target + "]";
    }
}
