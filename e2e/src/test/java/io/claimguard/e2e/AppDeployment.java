package io.claimguard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One of the legacy-style applications of {@code e2e-apps} (or the sample) put behind ClaimGuard
 * with the drop-in changes only: ClaimGuard's jars added as {@link Setup} says (claimguard-all in
 * {@code WEB-INF/lib} unless told otherwise), the application's own
 * {@code claimguard.yaml} (its {@code @BASE_URL@} set to the test's identity provider) and
 * {@code %redact} {@code logback.xml} put in {@code WEB-INF/classes}, and the connection settings
 * changed as {@link DropIn} says (the URL prefixed, the pool's driver class). Deployed at its
 * context path into a Tomcat of its own; {@code app.log.dir}, the application's log folder, beside
 * the {@code CATALINA_BASE}. Tomcat 11 unless {@link Setup} names another distribution.
 */
final class AppDeployment implements AutoCloseable {

    /** The application's own change of its connection settings, made in the copied WAR. */
    @FunctionalInterface
    interface DropIn {
        void change(War war) throws IOException;
    }

    /** How ClaimGuard's jars are put in: into the WAR, and for a container DataSource into Tomcat too. */
    @FunctionalInterface
    interface Install {
        void into(War war, Tomcat tomcat) throws IOException;

        /** claimguard-all in {@code WEB-INF/lib}. */
        Install CLAIMGUARD_ALL = (war, tomcat) -> war.addLibrary(Layout.claimGuardAll());
        /** claimguard-all-javax in {@code WEB-INF/lib}. */
        Install CLAIMGUARD_ALL_JAVAX = (war, tomcat) -> war.addLibrary(Layout.claimGuardAllJavax());

        /**
         * A JNDI DataSource {@code jdbc/<name>} in Tomcat's {@code conf/context.xml} whose driver class is
         * ClaimGuard's, at {@code url}; {@code containerLib} in Tomcat's lib, {@code webappLib} in WEB-INF/lib.
         */
        static Install jndi(String name, String url, Path containerLib, Path webappLib) {
            return (war, tomcat) -> {
                war.addMissingLibraries(webappLib);
                tomcat.addToLib(containerLib);
                tomcat.addDataSource("jdbc/" + name, "io.claimguard.jdbc.ClaimGuardDriver", url);
            };
        }
    }

    /**
     * Where the application runs: the Tomcat distribution, whether the WAR goes to Tomcat 10.1's
     * {@code webapps-javaee} (migrated on deploy) instead of {@code webapps}, whether the manager
     * application is installed, and how ClaimGuard's jars are put in.
     */
    record Setup(Tomcat.Distribution distribution, boolean javaeeFolder, boolean managerApp, Install install) {

        static Setup on(Tomcat.Distribution distribution, Install install) {
            return new Setup(distribution, false, false, install);
        }

        /** The WAR in {@code webapps-javaee}, for Tomcat 10.1 to migrate. */
        Setup migrated() {
            return new Setup(distribution, true, managerApp, install);
        }

        Setup withManager() {
            return new Setup(distribution, javaeeFolder, true, install);
        }
    }

    final String context;
    final IdentityProvider identityProvider;
    final Tomcat tomcat;
    final Path applicationLogs;

    private AppDeployment(Path sourceWar, Path config, String context, Path run, Setup setup, DropIn dropIn) throws IOException {
        this.context = context;
        tomcat = Tomcat.base(setup.distribution(), run.resolve("catalina-base"));
        applicationLogs = run.resolve("app-logs");
        Tomcat.deleteRecursively(applicationLogs);
        identityProvider = IdentityProvider.start();
        try {
            if (setup.managerApp()) {
                tomcat.withManager();
            }
            Path appBase = setup.javaeeFolder() ? tomcat.webappsJavaee() : tomcat.webapps();
            try (War war = War.copy(sourceWar, appBase.resolve(context.substring(1) + ".war"))) {
                String policy = Files.readString(config.resolve("claimguard.yaml"), StandardCharsets.UTF_8)
                        .replace("@BASE_URL@", identityProvider.baseUrl());
                setup.install().into(war, tomcat);
                war.put("/WEB-INF/classes/claimguard.yaml", policy)
                        .put("/WEB-INF/classes/logback.xml", Files.readAllBytes(config.resolve("logback.xml")));
                dropIn.change(war);
            }
            // app.log.dir for the applications of e2e-apps, sample.log.dir for the sample.
            tomcat.start(Map.of("app.log.dir", applicationLogs.toString(), "sample.log.dir", applicationLogs.toString()),
                    context + "/health", Duration.ofSeconds(120));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Builds and starts {@code app} ({@code spring-jpa}, {@code flyway-mybatis}) at {@code context}
     * with claimguard-all in Tomcat 11; its files go to {@code target/e2e/runs/<name>}.
     */
    static AppDeployment start(String app, String context, String name, DropIn dropIn) throws IOException {
        return start(app, context, name, Setup.on(Tomcat.Distribution.TOMCAT_11, Install.CLAIMGUARD_ALL), dropIn);
    }

    /** Builds and starts {@code app} of {@code e2e-apps} at {@code context} as {@code setup} says. */
    static AppDeployment start(String app, String context, String name, Setup setup, DropIn dropIn) throws IOException {
        return new AppDeployment(Layout.appWar(app), Layout.appConfig(app, "claimguard.yaml").getParent(), context,
                Layout.run(name), setup, dropIn);
    }

    /**
     * The sample's plain WAR at {@code /support} as {@code setup} says, with its own policy and
     * {@code %redact} Logback configuration and its DriverManager URL prefixed.
     */
    static AppDeployment sample(String name, Setup setup) throws IOException {
        return new AppDeployment(Layout.sampleWar(), Layout.sampleConfig("claimguard.yaml").getParent(), SampleDeployment.CONTEXT,
                Layout.run(name), setup, war -> war.replaceOnce("/WEB-INF/web.xml", "<param-value>jdbc:p6spy:h2:",
                        "<param-value>jdbc:claimguard:p6spy:h2:"));
    }

    SampleApp app(Http http) {
        return new SampleApp(http, path -> tomcat.uri(context + path));
    }

    /** Every log file: Tomcat's (console output included) and the application's. */
    List<Path> logFiles() throws IOException {
        try (Stream<Path> tomcatLogs = Files.walk(tomcat.logs()); Stream<Path> appLogs = Files.walk(applicationLogs)) {
            return Stream.concat(tomcatLogs, appLogs).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The application's log file, as its {@code logback.xml} names it. */
    String applicationLog(String file) throws IOException {
        return Files.readString(applicationLogs.resolve(file), StandardCharsets.UTF_8);
    }

    /**
     * What Tomcat's console said from the moment it began to stop: every SEVERE line, and every
     * line that names ClaimGuard (a class, or a thread or driver of its left behind). The
     * application's own drivers and threads are its business. Stops Tomcat first.
     */
    List<String> stopComplaints() throws IOException {
        tomcat.stop();
        List<String> complaints = new ArrayList<>();
        boolean stopping = false;
        for (String line : Files.readAllLines(tomcat.logs().resolve("console.out"), StandardCharsets.ISO_8859_1)) {
            stopping |= line.contains("Pausing ProtocolHandler") || line.contains("Stopping service");
            boolean leak = line.contains("appears to have started a thread") || line.contains("registered the JDBC driver");
            if (stopping && (line.contains("SEVERE") || line.contains("io.claimguard")
                    || leak && line.toLowerCase(Locale.ROOT).contains("claimguard"))) {
                complaints.add(line);
            }
        }
        if (!stopping) {
            complaints.add("Tomcat never said it was stopping");
        }
        return complaints;
    }

    @Override
    public void close() {
        tomcat.close();
        identityProvider.close();
    }
}
