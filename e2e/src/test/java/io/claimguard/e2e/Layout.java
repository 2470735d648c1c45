package io.claimguard.e2e;

import java.nio.file.Path;

/** Where the build put what the tests deploy (see this module's pom), and where each run's files go. */
final class Layout {

    private Layout() {
    }

    /** {@code target/e2e}. */
    static Path dir() {
        return Path.of(property("e2e.dir"));
    }

    /** The unpacked Tomcat 11 distribution ({@code CATALINA_HOME}). */
    static Path tomcatHome() {
        return Path.of(property("tomcat.home"));
    }

    /** An unpacked Tomcat distribution, by the system property naming its folder (see {@link Tomcat.Distribution}). */
    static Path tomcatHome(String property) {
        return Path.of(property(property));
    }

    /** The sample WAR as its own build made it: no ClaimGuard inside. */
    static Path sampleWar() {
        return dir().resolve("sample.war");
    }

    static Path claimGuardAll() {
        return dir().resolve("claimguard-all.jar");
    }

    /** claimguard-all's javax.servlet build, for Tomcat 9. */
    static Path claimGuardAllJavax() {
        return dir().resolve("claimguard-all-javax.jar");
    }

    /** The operator's command line jar: claimguard-all with SLF4J, runnable with {@code java -jar}. */
    static Path claimGuardCli() {
        return dir().resolve("claimguard-cli.jar");
    }

    /** Jars for Tomcat's lib folder in the JNDI deployment. */
    static Path containerLib() {
        return dir().resolve("container-lib");
    }

    /** Jars for WEB-INF/lib in the JNDI deployment. */
    static Path webappLib() {
        return dir().resolve("webapp-lib");
    }

    /** Jars for Tomcat 9's lib folder in the JNDI deployment: the driver's javax build. */
    static Path containerLibJavax() {
        return dir().resolve("container-lib-javax");
    }

    /** Jars for WEB-INF/lib in the JNDI deployment on Tomcat 9: the filter's javax build. */
    static Path webappLibJavax() {
        return dir().resolve("webapp-lib-javax");
    }

    /** The older Jackson (and SLF4J, H2) of the legacy application. */
    static Path legacyLib() {
        return dir().resolve("legacy-lib");
    }

    /** A file of the sample's own ClaimGuard setup ({@code claimguard.yaml}, the {@code %redact} {@code logback.xml}). */
    static Path sampleConfig(String name) {
        return Path.of(property("sample.config.dir")).resolve(name);
    }

    /** A legacy-style application's plain WAR, as its module in {@code e2e-apps} built it: {@code spring-jpa}, {@code flyway-mybatis}. */
    static Path appWar(String app) {
        return dir().resolve(app + ".war");
    }

    /** A file of that application's drop-in ClaimGuard setup ({@code claimguard.yaml}, the {@code %redact} {@code logback.xml}). */
    static Path appConfig(String app, String name) {
        return Path.of(property("e2e.apps.dir")).resolve(app).resolve("src/claimguard").resolve(name);
    }

    /** The folder of one test run: CATALINA_BASE, the application's logs, results. */
    static Path run(String name) {
        return dir().resolve("runs").resolve(name);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven");
        }
        return value;
    }
}
