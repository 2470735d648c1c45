package io.claimguard.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One Tomcat, from an unpacked distribution (9, 10.1 or 11), run as its own process by
 * {@code bin/catalina.sh run} with its own {@code CATALINA_BASE}: {@code conf} copied from the
 * distribution with a {@code server.xml} of our own (HTTP and shutdown on free loopback ports, no
 * AJP, an access log without query strings, the users of {@code conf/tomcat-users.xml} for the
 * manager application), and empty {@code lib}, {@code webapps}, {@code logs}, {@code temp} and
 * {@code work}. The base stays under {@code target/} after the run, Tomcat's console output in
 * {@code logs/console.out}, for diagnosis.
 */
final class Tomcat implements AutoCloseable {

    /** The distributions the build unpacks (see this module's pom). */
    enum Distribution {
        /** javax.servlet (Servlet 4.0). */
        TOMCAT_9("tomcat9.home"),
        /** jakarta.servlet (Servlet 6.0); migrates the javax WARs of {@code webapps-javaee} on deploy. */
        TOMCAT_10_1("tomcat10.home"),
        /** jakarta.servlet (Servlet 6.1). */
        TOMCAT_11("tomcat.home");

        private final String homeProperty;

        Distribution(String homeProperty) {
            this.homeProperty = homeProperty;
        }

        /** The unpacked distribution ({@code CATALINA_HOME}). */
        Path home() {
            return Layout.tomcatHome(homeProperty);
        }
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String MANAGER_USER = "e2e-manager";

    private final Path home;
    private final Path base;
    private final int httpPort;
    private final int shutdownPort;
    private final String shutdownCommand = "SHUTDOWN-" + UUID.randomUUID();
    private final String managerPassword = "m-" + UUID.randomUUID();
    private final HttpClient managerClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Thread killOnExit;

    private Tomcat(Path home, Path base) throws IOException {
        this.home = home;
        this.base = base;
        this.httpPort = freePort();
        this.shutdownPort = freePort();
        deleteRecursively(base);
        for (String folder : List.of("conf", "lib", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(folder));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : (Iterable<Path>) conf::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
                }
            }
        }
        Files.writeString(base.resolve("conf/server.xml"), serverXml(), StandardCharsets.UTF_8);
    }

    /** A fresh {@code CATALINA_BASE} at {@code base} (emptied first) for the distribution at {@code home}. */
    static Tomcat base(Path home, Path base) throws IOException {
        return new Tomcat(home, base);
    }

    /** A fresh {@code CATALINA_BASE} at {@code base} (emptied first) for {@code distribution}. */
    static Tomcat base(Distribution distribution, Path base) throws IOException {
        return new Tomcat(distribution.home(), base);
    }

    /**
     * Tomcat 10.1's folder of javax.servlet applications, which it migrates to jakarta.servlet on
     * deploy (its Host's default {@code legacyAppBase}); created on first use.
     */
    Path webappsJavaee() throws IOException {
        return Files.createDirectories(base.resolve("webapps-javaee"));
    }

    /**
     * Installs the distribution's manager application in {@code webapps/manager} with a user of the
     * {@code manager-script} role, for {@link #manager}. Before {@link #start}.
     */
    Tomcat withManager() throws IOException {
        Path from = home.resolve("webapps/manager");
        Path to = webapps().resolve("manager");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(conf().resolve("tomcat-users.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">
                  <role rolename="manager-script"/>
                  <user username="%s" password="%s" roles="manager-script"/>
                </tomcat-users>
                """.formatted(MANAGER_USER, managerPassword), StandardCharsets.UTF_8);
        return this;
    }

    /**
     * The manager's text interface: {@code command} is what follows {@code /manager/text/}
     * ({@code reload?path=/club}, {@code findleaks?statusLine=true}, {@code threaddump}); answers
     * the body, which starts with {@code OK} or {@code FAIL} where the command has a status line.
     */
    String manager(String command) throws IOException {
        String basic = Base64.getEncoder().encodeToString((MANAGER_USER + ":" + managerPassword).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri("/manager/text/" + command)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + basic).build();
        try {
            HttpResponse<String> response = managerClient.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("manager " + command + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: manager " + command, e);
        }
    }

    /** Waits until {@code path} answers 200, failing at {@code deadline} or as soon as the process ends. */
    void awaitReady(String path, Duration deadline) throws IOException {
        awaitReady(uri(path), deadline);
    }

    Path base() {
        return base;
    }

    Path lib() {
        return base.resolve("lib");
    }

    Path webapps() {
        return base.resolve("webapps");
    }

    Path conf() {
        return base.resolve("conf");
    }

    Path logs() {
        return base.resolve("logs");
    }

    /** Copies every jar of {@code folder} into this base's {@code lib}. */
    void addToLib(Path folder) throws IOException {
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Files.copy(jar, lib().resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Adds a container DataSource {@code name} (user {@code sa}, no password) to {@code conf/context.xml}. */
    void addDataSource(String name, String driverClass, String url) throws IOException {
        String resource = """
                  <Resource name="%s" auth="Container" type="javax.sql.DataSource"
                            driverClassName="%s"
                            url="%s" username="sa" password=""
                            maxTotal="100" maxIdle="100" maxWaitMillis="10000"/>
                </Context>
                """.formatted(name, driverClass, url.replace("&", "&amp;").replace("\"", "&quot;"));
        Path contextXml = conf().resolve("context.xml");
        String context = Files.readString(contextXml, StandardCharsets.UTF_8);
        int end = context.lastIndexOf("</Context>");
        Files.writeString(contextXml, context.substring(0, end) + resource, StandardCharsets.UTF_8);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /**
     * Starts Tomcat with the given system properties and waits until {@code readyPath} answers 200,
     * failing at {@code deadline} or as soon as the process ends, with the end of its output.
     */
    void start(Map<String, String> systemProperties, String readyPath, Duration deadline) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        systemProperties.forEach((name, value) -> options.add("-D" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/catalina.sh").toString(), "run")
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs().resolve("console.out").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("CATALINA_") || name.startsWith("JAVA_OPTS") || name.equals("JRE_HOME"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("CATALINA_HOME", home.toString());
        environment.put("CATALINA_BASE", base.toString());
        // catalina.sh splits CATALINA_OPTS on spaces: no option value may hold one.
        environment.put("CATALINA_OPTS", String.join(" ", options));
        process = builder.start();
        Process started = process;
        killOnExit = new Thread(started::destroyForcibly, "kill-tomcat-" + base.getFileName());
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            awaitReady(uri(readyPath), deadline);
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void awaitReady(URI ready, Duration deadline) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant giveUp = Instant.now().plus(deadline);
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Connection refused until the connector is up.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + ready, e);
            }
            // A web application that failed to start never answers: fail at once, with Tomcat's output.
            String failed = startupFailure();
            if (failed != null) {
                throw new IOException(failed + "; Tomcat's output:\n" + consoleTail());
            }
            // Pause between polls by waiting for the process to end: a Tomcat that died fails at once.
            try {
                process.onExit().get(100, TimeUnit.MILLISECONDS);
                throw new IOException("Tomcat exited with " + process.exitValue() + " before " + ready
                        + " answered 200; its output:\n" + consoleTail());
            } catch (TimeoutException stillRunning) {
                // Poll again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + ready, e);
            } catch (ExecutionException e) {
                throw new IOException(e);
            }
        }
        throw new IOException(ready + " did not answer 200 within " + deadline + "; Tomcat's output:\n" + consoleTail());
    }

    /** Tomcat's line saying a web application's start failed, or null. */
    private String startupFailure() {
        try (Stream<String> lines = Files.lines(logs().resolve("console.out"), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("startup failed due to previous errors")).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException notYet) {
            return null;
        }
    }

    /** The last lines of Tomcat's console output, for failure messages. */
    String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(logs().resolve("console.out"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no console output: " + e + ")";
        }
    }

    /**
     * Stops Tomcat through its shutdown port and waits for the process to end; if it does not end in
     * time, or the port does not answer, the process is terminated. Idempotent.
     */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), shutdownPort);
             OutputStream out = socket.getOutputStream()) {
            out.write(shutdownCommand.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException refused) {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        if (killOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            killOnExit = null;
        }
    }

    private String serverXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="%d" address="127.0.0.1" shutdown="%s">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
                  <GlobalNamingResources>
                    <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"
                              factory="org.apache.catalina.users.MemoryUserDatabaseFactory" pathname="conf/tomcat-users.xml"/>
                  </GlobalNamingResources>
                  <Service name="Catalina">
                    <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1" maxThreads="100" connectionTimeout="20000"/>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase"/>
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false">
                        <!-- %%U, not %%r: the query string can carry personal data (a search for an email). -->
                        <Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs"
                               prefix="access" suffix=".log" pattern="%%h %%t &quot;%%m %%U %%H&quot; %%s %%b %%D"/>
                      </Host>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(shutdownPort, shutdownCommand, httpPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
