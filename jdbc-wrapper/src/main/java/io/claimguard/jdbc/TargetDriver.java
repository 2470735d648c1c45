package io.claimguard.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the driver for a target URL. DriverManager alone is not enough: in Tomcat a driver jar in
 * WEB-INF/lib is invisible to DriverManager until something loads its class, and once the URL is
 * changed to {@code jdbc:claimguard:...} nothing does. So: the configured class, then
 * DriverManager, then ServiceLoader over the context class loader and our own.
 */
final class TargetDriver {
    private TargetDriver() {
    }

    static Driver find(String targetUrl, Optional<String> configuredClass) throws SQLException {
        if (configuredClass.isPresent()) {
            return configured(configuredClass.get(), targetUrl);
        }
        try {
            return DriverManager.getDriver(targetUrl);
        } catch (SQLException notRegistered) {
            // fall through to ServiceLoader
        }
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                TargetDriver.class.getClassLoader()}) {
            Driver found = loadFrom(loader, targetUrl);
            if (found != null) {
                return found;
            }
        }
        throw new SQLException("ClaimGuard found no JDBC driver for the target URL " + describe(targetUrl)
                + ": put the driver jar next to ClaimGuard, or set jdbc.driver_class in the configuration", "08001");
    }

    private static Driver loadFrom(ClassLoader loader, String targetUrl) throws SQLException {
        if (loader == null) {
            return null;
        }
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    return null;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError broken) {
                continue;   // one broken provider must not hide the others
            }
            if (!(driver instanceof ClaimGuardDriver) && driver.acceptsURL(targetUrl)) {
                return driver;
            }
        }
    }

    private static Driver configured(String className, String targetUrl) throws SQLException {
        Driver driver;
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, true, context != null ? context : TargetDriver.class.getClassLoader());
            driver = (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new SQLException("ClaimGuard cannot load jdbc.driver_class " + className + ": " + e, "08001", e);
        }
        if (!driver.acceptsURL(targetUrl)) {
            throw new SQLException("jdbc.driver_class " + className + " does not accept the target URL "
                    + describe(targetUrl), "08001");
        }
        return driver;
    }

    /** The URL's scheme only ({@code jdbc:postgresql}): the rest may carry a password. */
    static String describe(String url) {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? "'" + url.split("[?;]", 2)[0] + "'" : url.substring(0, second) + ":...";
    }
}
