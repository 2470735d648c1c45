package io.claimguard.sample.demo;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode, on only when the system property {@value #PROPERTY} is {@code true}: the application
 * then serves its own identity provider ({@code /.well-known/jwks.json} and {@code /demo/token}),
 * a page that shows each persona's view in any browser ({@code /demo/}), and its pages explain the
 * personas. Off, none of these paths exists.
 */
public final class DemoMode implements ServletContextListener {
    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);
    public static final String PROPERTY = "claimguard.sample.demo";

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!enabled()) {
            return;
        }
        ServletRegistration.Dynamic provider = event.getServletContext()
                .addServlet("demo-identity-provider", new IdentityProviderServlet(new DemoIdentityProvider()));
        provider.addMapping(IdentityProviderServlet.JWKS_PATH, IdentityProviderServlet.TOKEN_PATH);
        event.getServletContext().addServlet("demo-page", new DemoPageServlet()).addMapping(DemoPageServlet.PATH);
        LOG.info("demo mode: identity provider at {} and {}, a page for any browser at {}", IdentityProviderServlet.JWKS_PATH,
                IdentityProviderServlet.TOKEN_PATH, DemoPageServlet.PATH);
    }
}
