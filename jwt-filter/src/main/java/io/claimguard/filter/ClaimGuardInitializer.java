package io.claimguard.filter;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.FilterPresence;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link JwtAuthFilter} for {@code /*}, ahead of every filter the application declares,
 * for REQUEST and ASYNC dispatches, when a ClaimGuard configuration with a {@code jwt} section is
 * present. Does nothing when web.xml (or other code) already registers the filter, or when there
 * is no configuration at all (a configuration that is named, through the system property or the
 * environment variable, but cannot be read or parsed fails the application's start instead). Found
 * by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public final class ClaimGuardInitializer implements ServletContainerInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimGuardInitializer.class);
    static final String FILTER_NAME = "claimguard-jwt";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (JwtAuthFilter.class.getName().equals(registration.getClassName())) {
                FilterPresence.started(context.getClassLoader());
                return;
            }
        }
        boolean named = !ConfigFile.configuredLocation().equals("classpath:" + ConfigFile.DEFAULT_RESOURCE);
        ConfigFile file;
        try {
            file = ConfigFile.locate();
        } catch (ConfigException e) {
            if (named) {
                // A configuration that was asked for but cannot be read must not leave the application unguarded.
                throw new ServletException("ClaimGuard JWT filter cannot be registered: " + e.getMessage(), e);
            }
            LOG.info("no ClaimGuard configuration found; the JWT filter is not registered");
            return;
        }
        try {
            if (!JwtConfigReader.hasSection(file)) {
                return;
            }
        } catch (ConfigException e) {
            // A file that is there but wrong (a misspelt section among them) must not leave the application unguarded.
            throw new ServletException("ClaimGuard JWT filter cannot be registered: " + e.getMessage(), e);
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, JwtAuthFilter.class);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
        FilterPresence.started(context.getClassLoader());
    }
}
