package io.claimguard.jdbc;

import io.claimguard.core.FilterPresence;
import io.claimguard.core.GuardContext;
import io.claimguard.jdbc.policy.Policy;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly, once per web application, that a configuration with a {@code jwt} section runs
 * without ClaimGuard's filter in front of it. Every request would then run with no subject and see
 * every protected column masked: it looks like protection, and no token is checked. The error
 * names the cause where the class path shows it (the filter's classes are missing, or were built
 * for the other servlet namespace) and the fix.
 *
 * <p>Checked when a connection opens and before each statement until the application, the
 * thread's context class loader, is decided. A filter that has started, or a request it marked,
 * decides it; so does a class path without any servlet API (not a web application).
 * A filter built for the other servlet namespace is reported at once. Otherwise, while the
 * application starts up the filter may still come (a container starts filters after listeners),
 * and on the container's own threads (a pool's evictor in its lib folder) the application cannot
 * be told: a missing filter is reported at the first statement that runs in the application,
 * outside start-up and outside any request.
 */
final class MissingFilterAlarm {
    private static final Logger LOG = LoggerFactory.getLogger(StatementAudit.LOGGER);
    private static final String FILTER = "io.claimguard.filter.JwtAuthFilter";
    /**
     * The jakarta API's filter type, put together at run time: the javax build renames every
     * constant that names a jakarta.servlet package, and this one must keep its name there too.
     */
    private static final String JAKARTA_FILTER = String.join(".", "jakarta", "servlet", "Filter");
    private static final String JAVAX_FILTER = "javax.servlet.Filter";
    /**
     * The applications, by class loader, that are decided: their filter started, they serve no
     * requests, or they were told. Weak, so that none is kept; per application, since a driver in
     * the container's lib folder serves several, and a thread with no application of its own
     * decides nothing for the others.
     */
    private static final Set<ClassLoader> DECIDED = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));
    /** The application decided last: the one check a statement of it makes (a thread's loader read, a comparison). */
    private static volatile WeakReference<ClassLoader> lastDecided = new WeakReference<>(null);

    private final Policy policy;

    MissingFilterAlarm(Policy policy) {
        this.policy = policy;
    }

    void check() {
        if (!policy.expectsFilter()) {
            return;
        }
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application != null && lastDecided.get() == application) {
            return;
        }
        if (DECIDED.contains(application)) {
            lastDecided = new WeakReference<>(application);
            return;
        }
        if (GuardContext.inRequest() || FilterPresence.hasStarted(application)) {
            decided(application);
            return;
        }
        Class<?> jakarta = loaded(JAKARTA_FILTER, application);
        Class<?> api = jakarta != null ? jakarta : loaded(JAVAX_FILTER, application);
        if (api == null) {
            decided(application);   // no servlet container: nothing here serves requests
            return;
        }
        FilterClasses filter = FilterClasses.in(application);
        boolean inApplication = api.getClassLoader() != application;   // below the container's own loader
        if (filter != FilterClasses.OTHER_NAMESPACE && (!inApplication || GuardContext.isOutsideRequests())) {
            return;   // the container's own thread, or starting up: the filter starts after the listeners
        }
        if (!decided(application)) {
            return;   // another thread told it first
        }
        LOG.atError().setMessage("ClaimGuard: the configuration " + policy.location() + " has a jwt section, but no"
                        + " ClaimGuard JWT filter has started in this web application: no token is checked, every"
                        + " request runs with no subject and every protected column is masked for every caller. "
                        + filter.fix(jakarta != null))
                .addKeyValue("kind", "config")
                .addKeyValue("section", "jwt")
                .addKeyValue("config", policy.location())
                .log();
    }

    /** Records {@code application} as decided; false when it already was. */
    private static boolean decided(ClassLoader application) {
        lastDecided = new WeakReference<>(application);
        return DECIDED.add(application);
    }

    /** The filter's classes as a web application's class loader sees them, and what to do about each case. */
    private enum FilterClasses {
        MISSING, OTHER_NAMESPACE, PRESENT;

        static FilterClasses in(ClassLoader application) {
            try {
                Class.forName(FILTER, false, application);
                return PRESENT;
            } catch (ClassNotFoundException e) {
                return MISSING;
            } catch (LinkageError e) {
                return OTHER_NAMESPACE;   // its servlet types are not this container's
            }
        }

        String fix(boolean jakartaContainer) {
            String all = jakartaContainer ? "claimguard-all" : "claimguard-all-javax";
            String other = jakartaContainer ? "claimguard-all-javax" : "claimguard-all";
            return switch (this) {
                case MISSING -> "Its classes are not in this application: add " + all + " to WEB-INF/lib";
                case OTHER_NAMESPACE -> "The installed filter is built for the " + (jakartaContainer ? "javax" : "jakarta")
                        + " servlet API, and this container serves the " + (jakartaContainer ? "jakarta one (Tomcat 10.1"
                        + " or later)" : "javax one (such as Tomcat 9)") + ": use " + all + ", not " + other;
                case PRESENT -> "The filter was neither registered by its initializer nor started: check that the"
                        + " container runs ServletContainerInitializers for this application, or declare"
                        + " io.claimguard.filter.JwtAuthFilter in web.xml and map it to /*";
            };
        }
    }

    private static Class<?> loaded(String type, ClassLoader application) {
        try {
            return Class.forName(type, false, application);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
