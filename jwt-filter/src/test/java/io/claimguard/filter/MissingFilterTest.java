package io.claimguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.FilterPresence;
import io.claimguard.core.GuardContext;
import io.claimguard.jdbc.ClaimGuardDataSource;
import jakarta.servlet.Filter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration with a jwt section never runs silently without the filter: the driver says so
 * once, at ERROR, naming the cause and the fix. Each test is a web application of its own (a class
 * loader made current on the thread, and a configuration file of its own). This suite also runs
 * against the javax build, where the filter's servlet namespace is the other one.
 */
class MissingFilterTest {
    /** Whether the filter under test is built for jakarta.servlet (here) or javax.servlet (the javax build). */
    private static final boolean BUILT_FOR_JAKARTA = !Filter.class.getName().startsWith("javax.");

    @TempDir
    Path dir;
    private DataSource guarded;
    private ClassLoader previous;
    private AuditLog audit;

    @BeforeEach
    void configure(TestInfo test) throws Exception {
        Path file = dir.resolve(test.getTestMethod().orElseThrow().getName() + ".yaml");
        Files.writeString(file, """
                jwt:
                  issuer: "https://id.example.com/"
                jdbc:
                  columns:
                    - column: mf_people.phone
                      allow: ["role:hr"]
                """, StandardCharsets.UTF_8);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:missing_filter_" + test.getTestMethod().orElseThrow().getName() + ";DB_CLOSE_DELAY=-1;"
                + "INIT=CREATE TABLE IF NOT EXISTS mf_people (id INT, phone VARCHAR(20))");
        guarded = new ClaimGuardDataSource(h2, file.toString());
        previous = Thread.currentThread().getContextClassLoader();
        audit = new AuditLog();
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(previous);
        audit.close();
    }

    /** Makes a web application with the filter's classes, in the namespace they were built for, current. */
    private static void application() {
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[0], MissingFilterTest.class.getClassLoader()));
    }

    private void query() throws SQLException {
        try (Connection c = guarded.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT phone FROM mf_people")) {
            rs.next();
        }
    }

    private List<String> errors() {
        return audit.take().stream().filter(event -> event.path("level").asText().equals("ERROR"))
                .map(event -> event.path("message").asText()).toList();
    }

    @Test
    void aStatementOutsideStartUpAndRequests_withNoFilterStarted_isOneError() throws Exception {
        application();
        query();
        query();
        List<String> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("has a jwt section, but no ClaimGuard JWT filter has started in this web"
                + " application: no token is checked"), errors.get(0));
        assertTrue(errors.get(0).contains("declare io.claimguard.filter.JwtAuthFilter in web.xml"), errors.get(0));
    }

    @Test
    void whileTheApplicationStartsUp_theFilterMayStillCome() throws Exception {
        application();
        try (GuardContext.StartUp startingUp = GuardContext.beginStartUp()) {
            query();
            assertEquals(List.of(), errors(), "filters start after the listeners that run start-up scripts");
        }
        query();
        assertEquals(1, errors().size(), "it never came");
    }

    @Test
    void aStartedFilter_orARequestItMarked_isAllItTakes() throws Exception {
        application();
        FilterPresence.started(Thread.currentThread().getContextClassLoader());
        query();
        assertEquals(List.of(), errors());

        application();
        try (GuardContext.Scope request = GuardContext.openRequest(null)) {
            query();
        }
        query();
        assertEquals(List.of(), errors());
    }

    /**
     * A driver in the container's lib folder serves several applications through one connection
     * pool: one application's filter, or a thread with no application, says nothing of another.
     */
    @Test
    void eachApplicationIsDecidedOnItsOwn() throws Exception {
        application();
        FilterPresence.started(Thread.currentThread().getContextClassLoader());
        query();
        Thread.currentThread().setContextClassLoader(null);   // a container thread without an application
        query();
        application();
        query();
        assertEquals(1, errors().size(), "the second application has no filter");
    }

    /** The filter's classes present, built for the servlet namespace the container does not serve. */
    @Test
    void aFilterBuiltForTheOtherNamespace_isNamedAtOnce_withTheArtifactToUse() throws Exception {
        URL filterClasses = JwtAuthFilter.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader container = new Hiding(MissingFilterTest.class.getClassLoader(), Filter.class.getPackageName() + ".");
        Thread.currentThread().setContextClassLoader(new FilterClassesFirst(filterClasses, container));
        try (GuardContext.StartUp startingUp = GuardContext.beginStartUp()) {
            query();
        }
        List<String> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(BUILT_FOR_JAKARTA ? "use claimguard-all-javax, not claimguard-all"
                : "use claimguard-all, not claimguard-all-javax"), errors.get(0));
    }

    @Test
    void anApplicationWithoutTheFiltersClasses_isToldToAddThem() throws Exception {
        ClassLoader container = new Hiding(MissingFilterTest.class.getClassLoader(), "io.claimguard.filter.");
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[0], container));
        query();
        List<String> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("Its classes are not in this application: add claimguard-all to WEB-INF/lib"),
                errors.get(0));
    }

    /** A pool's thread in the container's lib folder runs with the container's loader: no application to judge. */
    @Test
    void onTheContainersOwnThreads_nothingIsSaid() throws Exception {
        Thread.currentThread().setContextClassLoader(Filter.class.getClassLoader());
        query();
        assertEquals(List.of(), errors());
    }

    @Test
    void withoutAnyServletApi_nothingServesRequests_andNothingIsSaid() throws Exception {
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader()));
        query();
        assertEquals(List.of(), errors());
    }

    /** A container that serves one servlet namespace only: the packages under {@code hidden} are not there. */
    private static final class Hiding extends ClassLoader {
        private final String hidden;

        Hiding(ClassLoader parent, String hidden) {
            super(parent);
            this.hidden = hidden;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(hidden)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    /** A web application whose WEB-INF holds the filter's classes: they are found there first. */
    private static final class FilterClassesFirst extends URLClassLoader {
        FilterClassesFirst(URL classes, ClassLoader container) {
            super(new URL[] {classes}, container);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.claimguard.filter.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
