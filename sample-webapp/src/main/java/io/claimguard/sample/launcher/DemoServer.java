package io.claimguard.sample.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.Mode;
import io.claimguard.sample.demo.DemoMode;
import io.claimguard.sample.demo.Persona;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The sample application behind ClaimGuard on an embedded Jetty, as the demo command runs it and
 * as the tests drive it:
 * <ul>
 *   <li>ClaimGuard's jars on the class path: its ServletContainerInitializer registers the JWT
 *       filter, found the way a container finds it;</li>
 *   <li>{@code db.url} with the {@code jdbc:claimguard:} prefix in front of the application's own
 *       URL (an override descriptor; web.xml is read, not changed);</li>
 *   <li>{@code src/demo/logback.xml} ({@code %redact}) as the logging configuration, writing
 *       {@code WORK/logs/sample.log};</li>
 *   <li>{@code src/demo/claimguard.yaml} copied to {@code WORK/claimguard.yaml} with the real base
 *       URL, and in report mode with {@code mode: report} for its {@code jwt} and {@code jdbc}
 *       sections, named by the system property {@code claimguard.config};</li>
 *   <li>demo mode on: the application is its own identity provider.</li>
 * </ul>
 * Everything listens on 127.0.0.1 only. The configuration is the JVM's (system properties, the
 * logging setup, the drivers): one demo per JVM.
 */
public final class DemoServer implements AutoCloseable {
    private static final int PORTS_TRIED = 20;
    private static final String BASE_URL_PLACEHOLDER = "@BASE_URL@";
    /** The {@code mode} of the policy's {@code jwt} and {@code jdbc} sections, which report mode replaces. */
    private static final Pattern SECTION_MODE = Pattern.compile("(?m)^  mode: enforce$");

    private final Server server;
    private final URI base;
    private final Path logFile;
    private final Mode mode;

    private DemoServer(Server server, URI base, Path logFile, Mode mode) {
        this.server = server;
        this.base = base;
        this.logFile = logFile;
        this.mode = mode;
    }

    /**
     * Starts the demo on {@code firstPort} or the next free one of the {@value #PORTS_TRIED}
     * after it; 0 takes any free port.
     *
     * @param work where the configuration and the log are written
     */
    public static DemoServer start(int firstPort, Path work) throws Exception {
        return start(firstPort, work, Mode.ENFORCE);
    }

    /**
     * Starts the demo with its policy in {@code mode}: {@link Mode#REPORT} lets through what the
     * filter and the driver would refuse or mask, and says so in the audit trail.
     */
    public static DemoServer start(int firstPort, Path work, Mode mode) throws Exception {
        Path module = moduleDirectory();
        Path logs = Files.createDirectories(work.resolve("logs"));
        System.setProperty("sample.log.dir", logs.toString());
        System.setProperty(DemoMode.PROPERTY, "true");
        configureLogging(module.resolve("src/demo/logback.xml"));

        Server server = new Server();
        server.setStopAtShutdown(true);
        ServerConnector connector = bind(server, firstPort);
        URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        Path demoPolicy = module.resolve("src/demo/claimguard.yaml");
        String policy = inMode(Files.readString(demoPolicy, StandardCharsets.UTF_8), mode, demoPolicy);
        Path config = Files.writeString(work.resolve("claimguard.yaml"), policy.replace(BASE_URL_PLACEHOLDER, base.toString()),
                StandardCharsets.UTF_8);
        System.setProperty(ConfigFile.PROPERTY, config.toString());

        Path webappDirectory = module.resolve("src/main/webapp");
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(webappDirectory);
        webapp.setOverrideDescriptor(overrideDescriptor(webappDirectory.resolve("WEB-INF/web.xml"), work).toString());
        // The application's classes and ClaimGuard's come from this class path, as one class loader.
        webapp.setParentLoaderPriority(true);
        webapp.addConfiguration(new AnnotationConfiguration());
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new DemoServer(server, base, logs.resolve("sample.log"), mode);
    }

    /** The policy with both sections in {@code mode}; fails if it does not say {@code mode: enforce} for both. */
    private static String inMode(String policy, Mode mode, Path file) {
        Matcher sections = SECTION_MODE.matcher(policy);
        long found = sections.results().count();
        if (found != 2) {
            throw new IllegalStateException(file + " must set 'mode: enforce' in its jwt and jdbc sections, once each;"
                    + " found " + found);
        }
        return sections.replaceAll("  mode: " + mode.code());
    }

    /** The base URL, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI base() {
        return base;
    }

    public Path logFile() {
        return logFile;
    }

    public Mode mode() {
        return mode;
    }

    /** A fresh token for {@code persona}, from the application's own token endpoint. */
    public String token(Persona persona) throws IOException, InterruptedException {
        return token(base, persona);
    }

    /**
     * A fresh token for {@code persona} from the token endpoint of the demo at {@code base}.
     *
     * @param options further parameters of the endpoint, such as {@code audience=billing-api} or
     *                {@code expired=true} (see {@code IdentityProviderServlet})
     */
    public static String token(URI base, Persona persona, String... options) throws IOException, InterruptedException {
        String query = "persona=" + persona.id() + (options.length == 0 ? "" : "&" + String.join("&", options));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/demo/token?" + query)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered " + response.statusCode() + " to " + query);
        }
        return response.body();
    }

    /** Waits until the server stops (Ctrl-C). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the demo stopped", e);
        } catch (Exception e) {
            throw new IllegalStateException("the demo did not stop cleanly", e);
        }
    }

    /** The sample-webapp folder, found from where this class was compiled to ({@code target/classes}). */
    static Path moduleDirectory() throws URISyntaxException {
        Path classes = Path.of(DemoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path module = classes.getParent().getParent();
        if (!Files.isRegularFile(module.resolve("src/main/webapp/WEB-INF/web.xml"))) {
            throw new IllegalStateException("the demo runs from the source tree (mvn -Pdemo -DskipTests verify); "
                    + "no sample-webapp sources beside " + classes);
        }
        return module;
    }

    /** Replaces Logback's configuration; refuses to go on if it has errors (a %redact that did not start). */
    private static void configureLogging(Path configuration) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration.toFile());
        StatusUtil status = new StatusUtil(context);
        if (status.getHighestLevel(0) >= Status.ERROR) {
            throw new IllegalStateException("the logging configuration " + configuration + " has errors: "
                    + context.getStatusManager().getCopyOfStatusList());
        }
    }

    private static ServerConnector bind(Server server, int firstPort) throws IOException {
        int lastPort = firstPort == 0 ? 0 : firstPort + PORTS_TRIED - 1;
        for (int port = firstPort; ; port++) {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            try {
                connector.open();
                server.addConnector(connector);
                return connector;
            } catch (IOException e) {
                connector.close();
                if (port >= lastPort) {
                    throw new IOException("no free port on 127.0.0.1 from " + firstPort + " to " + lastPort, e);
                }
            }
        }
    }

    /** A descriptor that Jetty reads after web.xml: {@code db.url} with {@code jdbc:claimguard:} in front. */
    private static Path overrideDescriptor(Path webXml, Path work) throws IOException {
        String url = contextParam(webXml, "db.url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalStateException("db.url in " + webXml + " is not a JDBC URL");
        }
        String guarded = "jdbc:claimguard:" + url.substring("jdbc:".length());
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>db.url</param-name>
                    <param-value>%s</param-value>
                  </context-param>
                </web-app>
                """.formatted(guarded.replace("&", "&amp;").replace("<", "&lt;"));
        return Files.writeString(work.resolve("override-web.xml"), xml, StandardCharsets.UTF_8);
    }

    private static String contextParam(Path webXml, String name) throws IOException {
        try {
            NodeList params = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(webXml.toFile())
                    .getElementsByTagName("context-param");
            for (int i = 0; i < params.getLength(); i++) {
                Element param = (Element) params.item(i);
                if (name.equals(param.getElementsByTagName("param-name").item(0).getTextContent().trim())) {
                    return param.getElementsByTagName("param-value").item(0).getTextContent().trim();
                }
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + webXml, e);
        }
        throw new IllegalStateException(webXml + " has no context-param " + name);
    }
}
