package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's plain DriverManager wiring on the club, which loads the driver class it names
 * ({@code org.h2.Driver}) and then asks DriverManager for its URL: the URL prefixed and nothing
 * else, ClaimGuard's jar for the container's servlet namespace in WEB-INF/lib. The application
 * must start and show each persona its view; ClaimGuard's driver has to be registered with
 * DriverManager by ClaimGuard itself, since nothing in the application loads its class.
 */
class ClubUrlOnlyTest {

    private final Http http = new Http();

    @Test
    void onTomcat9WithClaimGuardAllJavax() throws IOException {
        startsAndShowsEachPersonaItsView("ClubUrlOnlyTest-tomcat9",
                AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_9, AppDeployment.Install.CLAIMGUARD_ALL_JAVAX));
    }

    @Test
    void migratedOnTomcat10WithClaimGuardAll() throws IOException {
        startsAndShowsEachPersonaItsView("ClubUrlOnlyTest-tomcat10",
                AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_10_1, AppDeployment.Install.CLAIMGUARD_ALL).migrated());
    }

    private void startsAndShowsEachPersonaItsView(String run, AppDeployment.Setup setup) throws IOException {
        Map<String, Map<String, String>> stored = ClubAppTest.seed(run);
        AppDeployment deployment;
        try {
            deployment = AppDeployment.start(ClubAppTest.APP, ClubAppTest.CONTEXT, run, setup, ClubAppTest::prefixUrl);
        } catch (IOException notStarted) {
            fail("with only its URL changed to jdbc:claimguard:h2:..., the club did not start: ClaimGuard's driver was not"
                    + " registered with DriverManager (nothing in ClaimGuard initialises ClaimGuardDriver's class in the"
                    + " application; the application loads org.h2.Driver only). Tomcat's log says: " + driverFailure(run));
            return;
        }
        try (deployment) {
            SampleApp app = deployment.app(http);
            for (Persona persona : Persona.values()) {
                assertEquals(ClubAppTest.MEMBERS.of(persona, stored),
                        SampleApp.htmlRows(LegacyAppInTomcatTest.ok(app.get("/members", deployment.identityProvider.token(persona)))),
                        persona + " members");
            }
        }
    }

    /** The lines of Tomcat's logs that say why the application's start failed. */
    private static List<String> driverFailure(String run) throws IOException {
        try (Stream<Path> files = Files.walk(Layout.run(run).resolve("catalina-base/logs"))) {
            return files.filter(Files::isRegularFile).flatMap(file -> {
                try {
                    return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream();
                } catch (IOException e) {
                    return Stream.of(file + ": " + e);
                }
            }).filter(line -> line.contains("No suitable driver") || line.contains("startup failed")).map(String::strip).distinct().toList();
        }
    }
}
