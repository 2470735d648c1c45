package io.claimguard.filter;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link JwtAuthFilter} for {@code /*}, ahead of every filter the application declares,
 * for REQUEST and ASYNC dispatches, when a ClaimGuard configuration with a {@code jwt} section is
 * present. Does nothing when web.xml (or other code) already registers the filter, or when there
 * is no configuration at all. Found by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public final class ClaimGuardInitializer implements ServletContainerInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimGuardInitializer.class);
    static final String FILTER_NAME = "claimguard-jwt";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (JwtAuthFilter.class.getName().equals(registration.getClassName())) {
                return;
            }
        }
        ConfigFile config;
        try {
            config = ConfigFile.locate();
        } catch (ConfigException e) {
            LOG.info("no ClaimGuard configuration found; the JWT filter is not registered");
            return;
        }
        if (!JwtConfigReader.hasSection(config.location(), config.text())) {
            return;
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, JwtAuthFilter.class);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
    }
}
