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
 * One of the legacy-style applications of {@code e2e-apps} put behind ClaimGuard with the drop-in
 * changes only: claimguard-all added to {@code WEB-INF/lib}, the application's own
 * {@code claimguard.yaml} (its {@code @BASE_URL@} set to the test's identity provider) and
 * {@code %redact} {@code logback.xml} put in {@code WEB-INF/classes}, and the connection settings
 * changed as {@link DropIn} says (the URL prefixed, the pool's driver class). Deployed at its
 * context path into a Tomcat of its own; {@code app.log.dir}, the application's log folder, beside
 * the {@code CATALINA_BASE}.
 */
final class AppDeployment implements AutoCloseable {

    /** The application's own change of its connection settings, made in the copied WAR. */
    @FunctionalInterface
    interface DropIn {
        void change(War war) throws IOException;
    }

    final String context;
    final IdentityProvider identityProvider;
    final Tomcat tomcat;
    final Path applicationLogs;

    private AppDeployment(String app, String context, Path run, DropIn dropIn) throws IOException {
        this.context = context;
        tomcat = Tomcat.base(Layout.tomcatHome(), run.resolve("catalina-base"));
        applicationLogs = run.resolve("app-logs");
        Tomcat.deleteRecursively(applicationLogs);
        identityProvider = IdentityProvider.start();
        try {
            try (War war = War.copy(Layout.appWar(app), tomcat.webapps().resolve(context.substring(1) + ".war"))) {
                String policy = Files.readString(Layout.appConfig(app, "claimguard.yaml"), StandardCharsets.UTF_8)
                        .replace("@BASE_URL@", identityProvider.baseUrl());
                war.addLibrary(Layout.claimGuardAll())
                        .put("/WEB-INF/classes/claimguard.yaml", policy)
                        .put("/WEB-INF/classes/logback.xml", Files.readAllBytes(Layout.appConfig(app, "logback.xml")));
                dropIn.change(war);
            }
            tomcat.start(Map.of("app.log.dir", applicationLogs.toString()), context + "/health", Duration.ofSeconds(120));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Builds and starts {@code app} ({@code spring-jpa}, {@code flyway-mybatis}) at {@code context};
     * its files go to {@code target/e2e/runs/<name>}.
     */
    static AppDeployment start(String app, String context, String name, DropIn dropIn) throws IOException {
        return new AppDeployment(app, context, Layout.run(name), dropIn);
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
