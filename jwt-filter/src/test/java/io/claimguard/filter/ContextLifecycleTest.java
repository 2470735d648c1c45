package io.claimguard.filter;

import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The subject is current only inside the chain: an outer filter, ahead of ours, records what
 * GuardContext holds on the request thread after our filter returned or threw.
 */
class ContextLifecycleTest {
    private static final ConcurrentLinkedQueue<String> AFTER = new ConcurrentLinkedQueue<>();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Filter outer = (request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } finally {
                AFTER.add(GuardContext.current().map(s -> "leaked " + s.id()).orElse("clean"));
            }
        };
        JwtAuthFilter filter = JwtAuthFilter.builder(Fixture.verifier().build())
                .pathRequirement("/admin/*", List.of("role:admin")).build();
        server = new TestServer(context -> {
            context.addFilter(new FilterHolder(outer), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            FilterHolder ours = new FilterHolder(filter);
            ours.setAsyncSupported(true);
            context.addFilter(ours, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            context.addServlet(new ServletHolder(new HttpServlet() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    throw new IllegalStateException("application failure");
                }
            }), "/throws");
            ServletHolder async = new ServletHolder(new HttpServlet() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) {
                    AsyncContext async = request.startAsync();
                    async.start(() -> {
                        try {
                            async.getResponse().getWriter().print("async " + TestServer.describe(request));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        } finally {
                            async.complete();
                        }
                    });
                }
            });
            async.setAsyncSupported(true);
            context.addServlet(async, "/async");
            context.addServlet(new ServletHolder(new TestServer.Seen()), "/*");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void principalAndRoles_reflectTheToken() throws Exception {
        TestServer.Response response = server.bearer(Fixture.rs256(claims(RSA_ISS, "")));
        assertEquals("subject=alice principal=alice remoteUser=alice admin=true", response.body());
        TestServer.Response bob = server.bearer(Fixture.rs256(claims(RSA_ISS, "").replace("alice", "bob").replace("[\"admin\"]", "[]")));
        assertEquals("subject=bob principal=bob remoteUser=bob admin=false", bob.body());
    }

    @Test
    void pathRequirement_missing_is403InsufficientScope() throws Exception {
        String bob = Fixture.rs256(claims(RSA_ISS, "").replace("[\"admin\"]", "[\"user\"]"));
        TestServer.Response response = server.get("/admin/users", "Authorization: Bearer " + bob);
        assertEquals(403, response.status());
        assertTrue(response.header("www-authenticate").contains("error=\"insufficient_scope\""));
        assertEquals(200, server.get("/admin/users", "Authorization: Bearer " + Fixture.rs256(claims(RSA_ISS, ""))).status());
        assertEquals(200, server.get("/other", "Authorization: Bearer " + bob).status());
    }

    @Test
    void chainThrows_subjectRemoved() throws Exception {
        AFTER.clear();
        TestServer.Response response = server.get("/throws", "Authorization: Bearer " + Fixture.rs256(claims(RSA_ISS, "")));
        assertEquals(500, response.status(), "the application's own failure stays the application's");
        assertEquals(List.of("clean"), new ArrayList<>(AFTER));
    }

    @Test
    void asyncStart_workSeesTheRequestsSubject() throws Exception {
        TestServer.Response response = server.get("/async", "Authorization: Bearer " + Fixture.rs256(claims(RSA_ISS, "")));
        assertEquals(200, response.status());
        assertEquals("async subject=alice principal=alice remoteUser=alice admin=true", response.body());
    }

    @Test
    void concurrentRequests_eachSeesOnlyItsOwnSubject() throws Exception {
        AFTER.clear();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String user = "user-" + (i % 25);
                String token = Fixture.rs256(claims(RSA_ISS, "").replace("alice", user));
                String path = i % 3 == 0 ? "/async" : "/app";
                answers.add(pool.submit(() -> {
                    String body = server.get(path, "Authorization: Bearer " + token).body();
                    String expected = (path.equals("/async") ? "async " : "") + "subject=" + user + " principal=" + user
                            + " remoteUser=" + user + " admin=true";
                    return body.equals(expected) ? "ok" : "expected " + expected + " got " + body;
                }));
            }
            for (Future<String> answer : answers) {
                assertEquals("ok", answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(AFTER.stream().allMatch("clean"::equals), "no request thread keeps a subject: " + AFTER);
    }
}
