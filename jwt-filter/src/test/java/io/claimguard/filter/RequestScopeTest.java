package io.claimguard.filter;

import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static io.claimguard.filter.Fixture.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.ClaimGuardDataSource;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request ever acts as work outside requests, through a real Jetty and the real driver: on a
 * public path, without the optional token, with a token; nor a thread a request starts, nor a
 * task it submits to an executor whose thread was started before. Each tries what only work
 * outside requests may do (store a protected value it supplies in a {@code preserve} column),
 * while the test's own thread, marked as an application's start-up is, may.
 */
class RequestScopeTest {
    private static final String H2_URL = "jdbc:h2:mem:request_scope;DB_CLOSE_DELAY=-1";
    private static final String SEED = "INSERT INTO rs_people (id, phone) VALUES (%d, '608-555-1023')";

    @TempDir
    static Path configDir;
    private static DataSource guarded;
    private static ExecutorService pool;
    private static TestServer server;
    private static int nextId = 10;

    /**
     * Reports, for the request's own thread, a thread it starts, and tasks it submits plainly and
     * wrapped, whether a seed value is stored ("stored" or "refused") and whether code may open
     * work outside requests there ("opens" or "no").
     */
    static final class Attempts extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String own = seed() + "/" + opens();
            CompletableFuture<String> started = new CompletableFuture<>();
            new Thread(() -> started.complete(seed() + "/" + opens())).start();
            try {
                String plain = pool.submit(RequestScopeTest::seed).get(10, TimeUnit.SECONDS);
                String wrapped = pool.submit(GuardContext.wrap(RequestScopeTest::opens)).get(10, TimeUnit.SECONDS);
                response.getWriter().print(GuardContext.current().map(Subject::id).orElse("-") + " " + own + " "
                        + started.get(10, TimeUnit.SECONDS) + " " + plain + " " + wrapped);
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** Stores a protected value the caller supplies, as the current thread acts. */
    static String seed() {
        try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(String.format(SEED, nextId()));
            return "stored";
        } catch (SQLException e) {
            return "42501".equals(e.getSQLState()) ? "refused" : "failed:" + e.getSQLState();
        }
    }

    static String opens() {
        try (GuardContext.Scope job = GuardContext.openOutsideRequests()) {
            return "opens";
        } catch (IllegalStateException refused) {
            return "no";
        }
    }

    private static synchronized int nextId() {
        return nextId++;
    }

    @BeforeAll
    static void start() throws Exception {
        Path file = configDir.resolve("claimguard.yaml");
        Files.writeString(file, """
                jdbc:
                  columns:
                    - column: rs_people.phone
                      allow: ["role:hr"]
                      mask: last4
                """, StandardCharsets.UTF_8);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        guarded = new ClaimGuardDataSource(h2, file.toString());
        pool = Executors.newSingleThreadExecutor();
        pool.submit(() -> { }).get(10, TimeUnit.SECONDS);   // its thread exists before any request
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().build()).required(false)
                .publicPath("/public/*").build();
        server = new TestServer(context -> {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new Attempts()), "/*");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        pool.shutdownNow();
    }

    @BeforeEach
    void resetTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS rs_people");
            s.execute("CREATE TABLE rs_people (id INT PRIMARY KEY, phone VARCHAR(20))");
        }
    }

    private static int rows() throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rs_people")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void aPublicPath_isARequest() throws Exception {
        assertEquals("- refused/no refused/no refused no", server.get("/public/page").body());
        assertEquals(0, rows());
    }

    @Test
    void aRequestWithoutTheOptionalToken_isARequest() throws Exception {
        assertEquals("- refused/no refused/no refused no", server.get("/app").body());
        assertEquals(0, rows());
    }

    @Test
    void aRequestWithAToken_isARequest() throws Exception {
        assertEquals("alice refused/no refused/no refused no", server.bearer(rs256(claims(RSA_ISS, ""))).body());
        assertEquals(0, rows());
    }

    @Test
    void theApplicationsStartUp_mayStoreWhatItSupplies() throws Exception {
        try (GuardContext.StartUp startingUp = GuardContext.beginStartUp()) {
            assertEquals("stored", seed());
            assertEquals("- refused/no refused/no refused no", server.get("/public/page").body(), "meanwhile, requests may not");
        }
        assertEquals(1, rows());
    }
}
