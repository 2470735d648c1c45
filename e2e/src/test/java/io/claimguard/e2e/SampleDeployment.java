package io.claimguard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample's plain WAR put behind ClaimGuard the way the README tells a user to, and nothing
 * else: ClaimGuard's jars added, the JDBC URL prefixed, the sample's own {@code claimguard.yaml}
 * (its {@code @BASE_URL@} set to the test's identity provider) and {@code %redact}
 * {@code logback.xml} added to {@code WEB-INF/classes}. Then deployed at {@value #CONTEXT} into a
 * Tomcat of its own, the application's log folder beside the {@code CATALINA_BASE}.
 */
final class SampleDeployment implements AutoCloseable {

    static final String CONTEXT = "/support";
    private static final Pattern DB_URL = Pattern.compile(
            "<param-name>db\\.url</param-name>\\s*<param-value>jdbc:p6spy:h2:([^<]*)</param-value>");

    /** Where the ClaimGuard driver and core live. */
    enum Wiring {
        /** claimguard-all in WEB-INF/lib, the application's own DriverManager URL prefixed. */
        DROP_IN,
        /**
         * A JNDI DataSource in {@code conf/context.xml} whose URL is prefixed, core, the driver and H2 in
         * Tomcat's lib, the filter and log redaction (with their libraries) in WEB-INF/lib. p6spy stays out
         * of this chain: from the container's lib it could not reach the application's SLF4J.
         */
        JNDI
    }

    final IdentityProvider identityProvider;
    final Tomcat tomcat;
    /** {@code sample.log.dir}: the application's own log file. */
    final Path applicationLogs;
    /** The customers as the seed script stores them, read without ClaimGuard. */
    final Map<String, Map<String, String>> seeded;

    /** Null when the identity provider is shared with other deployments, and closed by its owner. */
    private final IdentityProvider ownIdentityProvider;
    private final UnaryOperator<String> policyChange;

    private SampleDeployment(Wiring wiring, Path run, IdentityProvider shared, UnaryOperator<String> policyChange)
            throws IOException {
        tomcat = Tomcat.base(Layout.tomcatHome(), run.resolve("catalina-base"));
        applicationLogs = run.resolve("app-logs");
        Tomcat.deleteRecursively(applicationLogs);
        ownIdentityProvider = shared == null ? IdentityProvider.start() : null;
        identityProvider = shared == null ? ownIdentityProvider : shared;
        this.policyChange = policyChange;
        try {
            seeded = deploy(wiring, run);
            tomcat.start(Map.of("sample.log.dir", applicationLogs.toString()), CONTEXT + "/health", Duration.ofSeconds(90));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Builds the WAR (and, for JNDI, Tomcat's lib and context.xml); answers the seeded rows. */
    private Map<String, Map<String, String>> deploy(Wiring wiring, Path run) throws IOException {
        try (War war = War.copy(Layout.sampleWar(), tomcat.webapps().resolve(CONTEXT.substring(1) + ".war"))) {
            Map<String, Map<String, String>> seed = SeedData.read(war.read("/WEB-INF/classes/db/seed.sql"), run.resolve("seed.sql"));
            String policy = policyChange.apply(policy(identityProvider));
            war.put("/WEB-INF/classes/claimguard.yaml", policy)
                    .put("/WEB-INF/classes/logback.xml", Files.readAllBytes(Layout.sampleConfig("logback.xml")));
            switch (wiring) {
                case DROP_IN -> war.addLibrary(Layout.claimGuardAll())
                        .replaceOnce("/WEB-INF/web.xml", "<param-value>jdbc:p6spy:h2:", "<param-value>jdbc:claimguard:p6spy:h2:");
                case JNDI -> {
                    war.addMissingLibraries(Layout.webappLib());
                    tomcat.addToLib(Layout.containerLib());
                    tomcat.addDataSource("jdbc/support", "io.claimguard.jdbc.ClaimGuardDriver",
                            "jdbc:claimguard:h2:" + databaseOf(war.read("/WEB-INF/web.xml")));
                }
            }
            return seed;
        }
    }

    /** Builds and starts the deployment; its files go to {@code target/e2e/runs/<name>}. */
    static SampleDeployment start(Wiring wiring, String name) throws IOException {
        return new SampleDeployment(wiring, Layout.run(name), null, policy -> policy);
    }

    /**
     * One of several instances of the application (claimguard-all in the WAR) trusting the same
     * {@code identityProvider}, with {@code policyChange} applied to the sample's policy.
     */
    static SampleDeployment instance(String name, IdentityProvider identityProvider, UnaryOperator<String> policyChange)
            throws IOException {
        return new SampleDeployment(Wiring.DROP_IN, Layout.run(name), identityProvider, policyChange);
    }

    /** The sample's own {@code claimguard.yaml}, trusting {@code identityProvider}. */
    static String policy(IdentityProvider identityProvider) throws IOException {
        return Files.readString(Layout.sampleConfig("claimguard.yaml"), StandardCharsets.UTF_8)
                .replace("@BASE_URL@", identityProvider.baseUrl());
    }

    SampleApp app(Http http) {
        return new SampleApp(http, path -> tomcat.uri(CONTEXT + path));
    }

    /** Every log file: Tomcat's (console output included) and the application's. */
    List<Path> logFiles() throws IOException {
        try (Stream<Path> tomcatLogs = Files.walk(tomcat.logs()); Stream<Path> appLogs = Files.walk(applicationLogs)) {
            return Stream.concat(tomcatLogs, appLogs).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The H2 database part of the WAR's {@code db.url} ({@code mem:support;...}). */
    private static String databaseOf(String webXml) {
        Matcher url = DB_URL.matcher(webXml);
        if (!url.find()) {
            throw new IllegalStateException("web.xml has no jdbc:p6spy:h2: db.url");
        }
        return url.group(1).replace("&apos;", "'");
    }

    @Override
    public void close() {
        tomcat.close();
        if (ownIdentityProvider != null) {
            ownIdentityProvider.close();
        }
    }
}
