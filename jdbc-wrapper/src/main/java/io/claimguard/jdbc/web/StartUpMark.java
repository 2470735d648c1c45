package io.claimguard.jdbc.web;

import io.claimguard.core.GuardContext;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Marks the thread that deploys a web application as doing work outside requests, so that its
 * schema scripts, seed data, migrations and ORM schema generation run as the identity the
 * configuration gives such work ({@code jdbc.outside_requests}), not as a caller with no subject.
 * The container runs initializers, then the application's listeners and its start-up servlets,
 * on that one thread; the mark stays with it until the application stops, is never inherited by
 * the threads it starts, and is shadowed by any request served on it. Found by the container
 * through {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public final class StartUpMark implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        GuardContext.StartUp mark = GuardContext.beginStartUp();
        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                mark.close();
            }
        });
    }
}
