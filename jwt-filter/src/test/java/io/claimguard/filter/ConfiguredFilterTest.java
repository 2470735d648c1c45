package io.claimguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.claimguard.core.ConfigFile;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter as a container deploys it: configured from the {@code jwt} section of the file named
 * by {@code claimguard.config}, with init-params overriding single keys, failing the start on a
 * bad configuration, and registered by {@link ClaimGuardInitializer} when nothing declares it.
 */
class ConfiguredFilterTest {
    private static final String SECRET = "Zq8-s3cr3t-Wv";
    private static final String ISS = "https://rsa.test/";

    @TempDir
    Path dir;
    private String savedProperty;

    @BeforeEach
    void save() {
        savedProperty = System.getProperty(ConfigFile.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (savedProperty == null) {
            System.clearProperty(ConfigFile.PROPERTY);
        } else {
            System.setProperty(ConfigFile.PROPERTY, savedProperty);
        }
    }

    /** Writes the configuration file (a {@code jwt} section trusting TestKeys.RSA) and points the property at it. */
    private Path configure(String extraJwtLines) throws IOException {
        Path pem = Fixture.pem(dir.resolve("rsa1.pem"), TestKeys.RSA.getPublic());
        return configureRaw("jwt:\n  issuer: \"" + ISS + "\"\n  public_keys: {rsa1: \"" + pem + "\"}\n"
                + "  audiences: [orders-api]\n  algorithms: [RS256]\n" + extraJwtLines);
    }

    private Path configureRaw(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("claimguard.yaml"), yaml, StandardCharsets.UTF_8);
        System.setProperty(ConfigFile.PROPERTY, file.toString());
        return file;
    }

    /** A token valid now (the configured filter runs on the system clock). */
    private static String token(String aud, String extra) {
        long now = Instant.now().getEpochSecond();
        return Fixture.rs256("{\"iss\":\"" + ISS + "\",\"sub\":\"alice\",\"aud\":\"" + aud + "\",\"iat\":" + (now - 5)
                + ",\"exp\":" + (now + 300) + ",\"jti\":\"c-1\",\"roles\":[\"admin\"]" + extra + "}");
    }

    private static TestServer declared(Map<String, String> initParams) throws Exception {
        return new TestServer(context -> {
            FilterHolder holder = new FilterHolder(JwtAuthFilter.class);
            initParams.forEach(holder::setInitParameter);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        });
    }

    /** The message of the start failure, which must name the file and never the secret. */
    private static String startFailure(Map<String, String> initParams, Path file) {
        try (TestServer server = declared(initParams)) {
            fail("the server started with a bad configuration; a request got " + server.get("/app").status());
            return null;
        } catch (Exception e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t).append(" | ");
                for (Throwable s : t.getSuppressed()) {
                    all.append(s).append(" | ");
                }
            }
            String messages = all.toString();
            assertTrue(messages.contains("ClaimGuard JWT filter cannot start"), messages);
            assertTrue(messages.contains(file.toString()), "names the file: " + messages);
            assertFalse(messages.contains(SECRET), "never the secret: " + messages);
            return messages;
        }
    }

    // ---- the jwt section of the file, and init-param overrides

    @Test
    void fileSection_configuresTheFilter() throws Exception {
        configure("  public_paths: [\"/health\"]\n  path_requirements: {\"/admin/*\": [\"role:auditor\"]}\n");
        try (TestServer server = declared(Map.of())) {
            TestServer.Response ok = server.bearer(token("orders-api", ""));
            assertEquals(200, ok.status());
            assertEquals("subject=alice principal=alice remoteUser=alice admin=true", ok.body());
            assertEquals(401, server.bearer(token("billing-api", "")).status(), "audience from the file");
            assertEquals(401, server.get("/app").status(), "required by default");
            assertEquals(200, server.get("/health").status(), "public path from the file");
            TestServer.Response forbidden = server.get("/admin/x", "Authorization: Bearer " + token("orders-api", ""));
            assertEquals(403, forbidden.status());
            assertTrue(forbidden.header("www-authenticate").contains("insufficient_scope"));
        }
    }

    @Test
    void initParams_overrideSingleKeys() throws Exception {
        configure("");
        try (TestServer server = declared(Map.of("audiences", "billing-api, reports-api", "required", "false",
                "realm", "orders"))) {
            assertEquals(200, server.bearer(token("reports-api", "")).status());
            TestServer.Response wrongAudience = server.bearer(token("orders-api", ""));
            assertEquals(401, wrongAudience.status(), "the file's audience is replaced, not extended");
            assertTrue(wrongAudience.header("www-authenticate").startsWith("Bearer realm=\"orders\""));
            TestServer.Response anonymous = server.get("/app");
            assertEquals(200, anonymous.status(), "required=false from the init-param");
            assertTrue(anonymous.body().startsWith("subject=-"), anonymous.body());
        }
    }

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                Arguments.of("unknown key", "  audience: [x]\n", Map.of(), "jwt has an unknown key 'audience'"),
                Arguments.of("unknown key lists the known ones sorted", "  leway_seconds: 5\n", Map.of(),
                        "(known: algorithms, allow_query_token, audiences,"),
                Arguments.of("negative leeway", "  leeway_seconds: -1\n", Map.of(), "jwt.leeway_seconds must be a whole number"),
                Arguments.of("text flag", "  required: \"" + SECRET + "\"\n", Map.of(), "jwt.required must be true or false"),
                Arguments.of("choice", "  personal_data_claims: sometimes\n", Map.of(),
                        "jwt.personal_data_claims must be one of [warn, refuse]"),
                Arguments.of("revocation", "  revocation: \"sqlite://" + SECRET + "@h/0\"\n", Map.of(),
                        "jwt.revocation must be none, memory, or redis://"),
                Arguments.of("redis url without a password", "  revocation: \"redis://" + SECRET + "@h/0\"\n", Map.of(),
                        "jwt.revocation: a Redis URL must look like redis://"),
                Arguments.of("redis url that does not parse", "  revocation: \"redis://:" + SECRET + "@h/0 x\"\n", Map.of(),
                        "jwt.revocation: a Redis URL must look like redis://"),
                Arguments.of("redis options for memory", "  revocation: memory\n  revocation_options: {cache_ms: 10}\n",
                        Map.of(), "jwt.revocation_options apply to a Redis store only"),
                Arguments.of("unknown redis option", "  revocation: \"redis://:" + SECRET + "@h/0\"\n"
                        + "  revocation_options: {cache: 10}\n", Map.of(), "jwt.revocation_options has an unknown key 'cache'"),
                Arguments.of("redis option out of range", "  revocation: \"redis://:" + SECRET + "@h/0\"\n"
                        + "  revocation_options: {cache_ms: 600000}\n", Map.of(),
                        "jwt.revocation_options.cache_ms must be a whole number from 0 to 60000"),
                Arguments.of("misuse without a limit", "  revocation: \"redis://:" + SECRET + "@h/0\"\n"
                        + "  revocation_options: {misuse: {window_seconds: 10}}\n", Map.of(),
                        "jwt.revocation_options.misuse needs max_addresses, max_requests or both"),
                Arguments.of("misuse action", "  revocation: \"redis://:" + SECRET + "@h/0\"\n"
                        + "  revocation_options: {misuse: {max_addresses: 2, action: block}}\n", Map.of(),
                        "jwt.revocation_options.misuse.action must be one of [log, revoke]"),
                Arguments.of("redis options as init-param", "", Map.of("revocation_options", "x"),
                        "filter init-param 'revocation_options'"),
                Arguments.of("none algorithm", "  types: [JWT]\n", Map.of("algorithms", "none"), "algorithm 'none'"),
                Arguments.of("bad init-param value", "", Map.of("max_token_bytes", "lots"),
                        "filter init-param jwt.max_token_bytes must be a whole number from 256"),
                Arguments.of("unknown init-param", "", Map.of("audience", "x"), "filter init-param 'audience'"),
                Arguments.of("structured init-param", "", Map.of("issuers", "x"), "filter init-param 'issuers'"),
                Arguments.of("bad cidr", "  trusted_proxies: [\"10.0.0.0/99\"]\n", Map.of(), "trusted proxy"),
                Arguments.of("flow key holding a secret", "  extra: {hmac_secret:\"" + SECRET + "\"}\n", Map.of(),
                        "unknown key 'extra'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    void badConfiguration_failsTheStart_withAClearMessage(String name, String extra, Map<String, String> params,
            String expected) throws Exception {
        Path file = configure(extra);
        String messages = startFailure(params, file);
        assertTrue(messages.contains(expected), "'" + expected + "' in: " + messages);
    }

    @Test
    void noIssuerOrAudience_failsTheStart() throws Exception {
        Path file = configureRaw("jwt:\n  issuer: \"" + ISS + "\"\n  hmac_secret_env: CLAIMGUARD_TEST_UNSET_VARIABLE_42\n"
                + "  audiences: [a]\n");
        assertTrue(startFailure(Map.of(), file).contains("CLAIMGUARD_TEST_UNSET_VARIABLE_42, which is not set"));
        file = configureRaw("jwt:\n  required: true\n");
        assertTrue(startFailure(Map.of(), file).contains("jwt.issuer is missing"));
        file = configureRaw("jdbc:\n  columns: []\n");
        assertTrue(startFailure(Map.of(), file).contains("no 'jwt' section"));
    }

    @Test
    void yamlSyntaxError_neverShowsTheSecretOnTheFaultyLine() throws Exception {
        Path file = configureRaw("jwt:\n  issuer: \"" + ISS + "\"\n  hmac_secret_env: \"" + SECRET + "\n  audiences: [a]\n");
        assertTrue(startFailure(Map.of(), file).contains("not valid YAML"));
        file = configureRaw("jwt:\n  issuer: x\n  realm: " + SECRET + ": oops\n");
        assertTrue(startFailure(Map.of(), file).contains("not valid YAML at line 3"));
    }

    // ---- registration by the ServletContainerInitializer

    /** Reports what {@link TestServer#describe} does, and how many filters of the JwtAuthFilter class are registered. */
    public static final class Registrations extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getDispatcherType() == DispatcherType.REQUEST && request.getParameter("async") != null) {
                AsyncContext async = request.startAsync();
                async.dispatch();   // the same path again, as an ASYNC dispatch
                return;
            }
            long ours = request.getServletContext().getFilterRegistrations().values().stream()
                    .filter(r -> JwtAuthFilter.class.getName().equals(r.getClassName())).count();
            response.getWriter().print(request.getDispatcherType() + " " + TestServer.describe(request) + " filters=" + ours
                    + " appFilterSaw=" + request.getAttribute("appFilterSaw"));
        }
    }

    /** An application filter declared in code: it records whether a subject was already there. */
    public static final class ApplicationFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException,
                jakarta.servlet.ServletException {
            request.setAttribute("appFilterSaw", io.claimguard.core.GuardContext.current().map(s -> s.id()).orElse("-"));
            chain.doFilter(request, response);
        }
    }

    private static TestServer withInitializer(boolean declareInCode) throws Exception {
        return new TestServer(context -> {
            context.addServletContainerInitializer(new ClaimGuardInitializer());
            context.addFilter(new FilterHolder(new ApplicationFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
            if (declareInCode) {
                FilterHolder ours = new FilterHolder(JwtAuthFilter.class);
                ours.setAsyncSupported(true);
                context.addFilter(ours, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            }
            ServletHolder servlet = new ServletHolder(new Registrations());
            servlet.setAsyncSupported(true);
            context.addServlet(servlet, "/*");
        });
    }

    @Test
    void initializer_registersTheFilterFirst_forRequestAndAsync() throws Exception {
        configure("");
        try (TestServer server = withInitializer(false)) {
            assertEquals(401, server.get("/app").status(), "registered: a request without a token is refused");
            TestServer.Response ok = server.get("/app", "Authorization: Bearer " + token("orders-api", ""));
            assertEquals(200, ok.status());
            assertEquals("REQUEST subject=alice principal=alice remoteUser=alice admin=true filters=1 appFilterSaw=alice",
                    ok.body(), "ahead of the application's own filter");
            TestServer.Response async = server.get("/app?async=1", "Authorization: Bearer " + token("orders-api", ""));
            assertEquals(200, async.status());
            assertTrue(async.body().startsWith("ASYNC subject=alice principal=alice"), "mapped for ASYNC: " + async.body());
        }
    }

    @Test
    void initializer_doesNotRegisterTwice_whenDeclared() throws Exception {
        configure("");
        try (TestServer server = withInitializer(true)) {
            TestServer.Response ok = server.get("/app", "Authorization: Bearer " + token("orders-api", ""));
            assertEquals(200, ok.status());
            assertTrue(ok.body().contains("filters=1"), ok.body());
            assertTrue(ok.body().contains("appFilterSaw=-"), "declared after the application's filter, it stays there: "
                    + ok.body());
        }
    }

    /** The usual legacy case: web.xml declares the filter, after the application's own, and the jar's initializer runs too. */
    @Test
    void initializer_doesNotRegisterTwice_whenWebXmlDeclaresIt() throws Exception {
        configure("");
        Path webapp = Files.createDirectories(dir.resolve("webapp/WEB-INF")).getParent();
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter><filter-name>app</filter-name><filter-class>%s</filter-class></filter>
                  <filter-mapping><filter-name>app</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                  <filter>
                    <filter-name>guard</filter-name><filter-class>%s</filter-class><async-supported>true</async-supported>
                  </filter>
                  <filter-mapping><filter-name>guard</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                  <servlet><servlet-name>seen</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>seen</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(ApplicationFilter.class.getName(), JwtAuthFilter.class.getName(), Registrations.class.getName()));
        WebAppContext app = new WebAppContext(webapp.toString(), "/");
        app.setParentLoaderPriority(true);   // the classes come from this test's class path
        app.addServletContainerInitializer(new ClaimGuardInitializer());
        try (TestServer server = new TestServer(app)) {
            assertEquals(401, server.get("/app").status());
            TestServer.Response ok = server.get("/app", "Authorization: Bearer " + token("orders-api", ""));
            assertEquals(200, ok.status());
            assertEquals("REQUEST subject=alice principal=alice remoteUser=alice admin=true filters=1 appFilterSaw=-",
                    ok.body(), "one registration, where web.xml put it");
        }
    }

    @Test
    void initializer_withoutAJwtSection_registersNothing() throws Exception {
        configureRaw("jdbc:\n  columns: []\n");
        try (TestServer server = withInitializer(false)) {
            TestServer.Response response = server.get("/app");
            assertEquals(200, response.status());
            assertTrue(response.body().contains("filters=0"), response.body());
        }
    }

    @Test
    void initializer_withoutAnyConfiguration_registersNothing() throws Exception {
        System.clearProperty(ConfigFile.PROPERTY);
        assertTrue(System.getenv(ConfigFile.ENVIRONMENT) == null || System.getenv(ConfigFile.ENVIRONMENT).isBlank());
        try (TestServer server = withInitializer(false)) {
            TestServer.Response response = server.get("/app");
            assertEquals(200, response.status());
            assertTrue(response.body().contains("filters=0"), response.body());
        }
    }

    /** A file that was named but cannot be used must not leave the application unguarded. */
    @Test
    void initializer_withANamedButMissingOrBrokenFile_failsTheStart() throws Exception {
        System.setProperty(ConfigFile.PROPERTY, dir.resolve("absent.yaml").toString());
        assertInitializerFails("does not exist");
        configureRaw("jwt:\n  issuer: [\n  realm: " + SECRET + "\n");
        assertInitializerFails("not valid YAML");
    }

    /** The default file on the class path, there but wrong (a misspelt section), must not leave it unguarded either. */
    @Test
    void initializer_withTheDefaultFileMisspelt_failsTheStart() throws Exception {
        Files.writeString(dir.resolve(ConfigFile.DEFAULT_RESOURCE), "jtw:\n  issuer: \"" + ISS + "\"\n", StandardCharsets.UTF_8);
        System.clearProperty(ConfigFile.PROPERTY);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader webInfClasses = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(webInfClasses);
            assertInitializerFails("the top level has an unknown key 'jtw'");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void assertInitializerFails(String expected) {
        try (TestServer server = withInitializer(false)) {
            fail("started with an unusable configuration; a request got " + server.get("/app").status());
        } catch (Exception e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t).append(" | ");
            }
            assertTrue(all.toString().contains("ClaimGuard JWT filter cannot be registered"), all.toString());
            assertTrue(all.toString().contains(expected), all.toString());
            assertFalse(all.toString().contains(SECRET), all.toString());
        }
    }
}
