package io.claimguard.jdbc.web;

import io.claimguard.jdbc.ClaimGuardDriver;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;

/**
 * Registers {@link ClaimGuardDriver} with {@link DriverManager} when a web application starts, and
 * deregisters it when the application whose class loader loaded it stops.
 *
 * <p>Registration happens when the driver's class is initialised. In a WAR, nothing may do that:
 * DriverManager finds drivers through the services of the class loader that first used it (the
 * container's), and an application that loads its old driver class and only changed its URL to
 * {@code jdbc:claimguard:} never names ours. Left registered, the driver would pin an undeployed
 * application's class loader, and every class in it, for the rest of the container's life (Tomcat
 * reports this as a leak). A driver in the container's own lib folder belongs to no single
 * application and stays. Found by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}; outside a servlet
 * container nothing loads it.
 */
public final class DriverRegistration implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        try {
            Class.forName(ClaimGuardDriver.class.getName(), true, ClaimGuardDriver.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ServletException("ClaimGuard's driver class cannot be initialised", e);
        }
        if (ClaimGuardDriver.class.getClassLoader() == context.getClassLoader()) {
            context.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    deregister();
                }
            });
        }
    }

    private static void deregister() {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass() == ClaimGuardDriver.class) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    // Nothing to undo: the driver then stays registered, as it would have without this.
                }
            }
        }
    }
}
