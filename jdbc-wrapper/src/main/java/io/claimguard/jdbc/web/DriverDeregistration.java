package io.claimguard.jdbc.web;

import io.claimguard.jdbc.ClaimGuardDriver;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;

/**
 * Deregisters {@link ClaimGuardDriver} from {@link DriverManager} when the web application
 * whose class loader loaded it stops. The driver registers itself when its class loads; left
 * registered, it would pin an undeployed application's class loader, and every class in it, for
 * the rest of the container's life (Tomcat reports this as a leak). A driver in the container's
 * own lib folder belongs to no single application and stays. Found by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}; outside a servlet
 * container nothing loads it.
 */
public final class DriverDeregistration implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
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
