package io.claimguard.filter;

import static io.claimguard.filter.Fixture.AUD;
import static io.claimguard.filter.Fixture.NOW;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.ConfigFile;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients with different subjects at once, through the filter in Jetty and a real query
 * through the ClaimGuard driver on H2: every response must show its own subject and exactly the
 * columns that subject may see, so a subject leaking across requests (a thread-local left
 * behind, a pooled thread reused) shows up as a wrong mask.
 */
class FilterAndDriverConcurrencyTest {
    private static final String DATABASE = "filter_concurrency";
    private static final String GUARDED_URL = "jdbc:claimguard:h2:mem:" + DATABASE + ";DB_CLOSE_DELAY=-1";
    private static final String SSN = "123-45-6789";
    private static final String EMAIL = "jane.doe@example.com";
    private static final int SUBJECTS = 24;
    private static final int CLIENTS = 12;
    private static final int REQUESTS_PER_CLIENT = 40;

    @TempDir
    static Path dir;
    private static String savedProperty;
    private static Connection keepAlive;
    private static TestServer server;

    /** Runs the application's query as whoever GuardContext says, and reports what it got. */
    static final class Query extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String subject = GuardContext.current().map(Subject::id).orElse("-");
            try (Connection c = DriverManager.getConnection(GUARDED_URL);
                 PreparedStatement select = c.prepareStatement("SELECT ssn, email FROM people WHERE id = ?")) {
                select.setInt(1, 1);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    response.getWriter().print(subject + "|" + request.getRemoteUser() + "|" + rows.getString(1) + "|"
                            + rows.getString(2));
                }
            } catch (SQLException e) {
                response.sendError(500, e.getSQLState());
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path config = Files.writeString(dir.resolve("concurrency.yaml"), "jdbc:\n  columns:\n"
                + "    - column: people.ssn\n      allow: [\"role:hr\"]\n      mask: last4\n"
                + "    - column: people.email\n      allow: [\"scope:pii.read\"]\n      mask: email\n");
        savedProperty = System.getProperty(ConfigFile.PROPERTY);
        System.setProperty(ConfigFile.PROPERTY, config.toString());
        keepAlive = DriverManager.getConnection("jdbc:h2:mem:" + DATABASE + ";DB_CLOSE_DELAY=-1");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE people (id INT PRIMARY KEY, ssn VARCHAR(20), email VARCHAR(80))");
            s.execute("INSERT INTO people VALUES (1, '" + SSN + "', '" + EMAIL + "')");
        }
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().build()).build();
        server = new TestServer(context -> {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new Query()), "/*");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("DROP TABLE people");
        }
        keepAlive.close();
        if (savedProperty == null) {
            System.clearProperty(ConfigFile.PROPERTY);
        } else {
            System.setProperty(ConfigFile.PROPERTY, savedProperty);
        }
    }

    private static boolean hr(int subject) {
        return subject % 2 == 0;
    }

    private static boolean piiReader(int subject) {
        return subject % 3 == 0;
    }

    private static String token(int subject) {
        String roles = hr(subject) ? "[\"hr\"]" : "[\"sales\"]";
        String scope = piiReader(subject) ? "orders.read pii.read" : "orders.read";
        return Fixture.rs256("{\"iss\":\"" + RSA_ISS + "\",\"sub\":\"user-" + subject + "\",\"aud\":\"" + AUD + "\",\"iat\":"
                + (NOW - 10) + ",\"exp\":" + (NOW + 600) + ",\"roles\":" + roles + ",\"scope\":\"" + scope + "\"}");
    }

    /** What subject {@code i} must see, computed from its grants, not from a run. */
    private static String expected(int subject) {
        String ssn = hr(subject) ? SSN : "*******6789";
        String email = piiReader(subject) ? EMAIL : "j***@***.com";
        return "user-" + subject + "|user-" + subject + "|" + ssn + "|" + email;
    }

    @Test
    void everyResponseShowsOnlyItsOwnSubjectsView() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            tokens.add(token(i));
        }
        // The view differs between grant combinations, so a leaked subject is visible in the masks.
        assertTrue(!expected(0).substring(7).equals(expected(1).substring(7)) && !expected(1).substring(7).equals(expected(3).substring(7)));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                results.add(clients.submit(() -> {
                    go.await();
                    int checked = 0;
                    for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
                        int subject = (first * 7 + n * 5) % SUBJECTS;
                        TestServer.Response response = server.bearer(tokens.get(subject));
                        assertEquals(200, response.status(), "user-" + subject);
                        assertEquals(expected(subject), response.body());
                        checked++;
                    }
                    return checked;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(5, TimeUnit.MINUTES);
            }
            assertEquals(CLIENTS * REQUESTS_PER_CLIENT, total);
        } finally {
            clients.shutdownNow();
        }
        // And after the load, a request without a token still has no subject anywhere.
        assertEquals(401, server.get("/app").status());
    }
}
