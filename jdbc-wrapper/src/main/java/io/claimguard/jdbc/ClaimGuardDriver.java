package io.claimguard.jdbc;

import io.claimguard.core.ConfigException;
import io.claimguard.jdbc.policy.Policy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The ClaimGuard JDBC driver: {@code jdbc:claimguard:} followed by the target URL without its
 * {@code jdbc:} ({@code jdbc:claimguard:postgresql://127.0.0.1/test}). Connections it returns
 * mask the columns protected by the {@code jdbc} section of the ClaimGuard configuration for the
 * subject current in {@link io.claimguard.core.GuardContext} when each statement executes.
 *
 * <p>Registered with DriverManager when loaded, and through {@code META-INF/services}. Pools that
 * instantiate the driver class themselves need {@code driverClassName} set to this class as well
 * as the URL. The configuration is read on the first connection; a missing or invalid file fails
 * that connection with a message naming the problem, never with an unprotected connection.
 */
public final class ClaimGuardDriver implements Driver {
    public static final String URL_PREFIX = "jdbc:claimguard:";
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;

    static {
        try {
            DriverManager.registerDriver(new ClaimGuardDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length());
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;   // the JDBC contract: let DriverManager try the next driver
        }
        String targetUrl = targetUrl(url);
        Policy policy = policy();
        Driver target = TargetDriver.find(targetUrl, policy.driverClass());
        Connection raw = target.connect(targetUrl, info == null ? new Properties() : info);
        if (raw == null) {
            throw new SQLException("the driver for " + TargetDriver.describe(targetUrl) + " refused the target URL", "08001");
        }
        try {
            return GuardedConnection.wrap(raw, Enforcement.of(policy, raw));
        } catch (SQLException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** {@code jdbc:claimguard:h2:mem:x} to {@code jdbc:h2:mem:x}. */
    static String targetUrl(String url) throws SQLException {
        String rest = url.substring(URL_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw new SQLException("malformed ClaimGuard URL: expected jdbc:claimguard:<subprotocol>:..., such as "
                    + "jdbc:claimguard:h2:mem:demo", "08001");
        }
        if (rest.regionMatches(true, 0, "claimguard:", 0, "claimguard:".length())) {
            throw new SQLException("malformed ClaimGuard URL: jdbc:claimguard: appears twice", "08001");
        }
        return "jdbc:" + rest;
    }

    static Policy policy() throws SQLException {
        try {
            return Policies.located();
        } catch (ConfigException e) {
            throw new SQLException(e.getMessage(), "08001", e);
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        String targetUrl = targetUrl(url);
        return TargetDriver.find(targetUrl, policy().driverClass()).getPropertyInfo(targetUrl, info);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not compliant on its own: what SQL it supports is the target driver's. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.claimguard.jdbc");
    }
}
