package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The javax club on Tomcat 9 with the jakarta claimguard-all by mistake: Tomcat 9 never loads its
 * filter (nor any of its initializers), so every request would run with no subject. ClaimGuard's
 * driver must say so loudly: one ERROR on {@code claimguard.audit} that names claimguard-all-javax,
 * at the first connection. Nobody gets a protected value: the start-up mark is missing too, so the
 * seed runs with no subject and its protected values are refused (the application does not start);
 * were it to start, every caller would see what a caller without a token sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClubWrongJarOnTomcat9Test {

    static final String ALARM = "ClaimGuard: the configuration";
    static final String ALARM_CAUSE = "has a jwt section, but no ClaimGuard JWT filter has started";

    private final Http http = new Http();
    private Map<String, Map<String, String>> stored;
    private AppDeployment deployment;
    /** Why the application did not start, or null. */
    private IOException notStarted;

    @BeforeAll
    void deploy() throws IOException {
        stored = ClubAppTest.seed(getClass().getSimpleName());
        try {
            deployment = ClubAppTest.deploy(getClass().getSimpleName(),
                    AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_9, AppDeployment.Install.CLAIMGUARD_ALL), war -> { });
        } catch (IOException e) {
            notStarted = e;
        }
    }

    @AfterAll
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void theLogsHaveOneErrorNamingTheJavaxJar() throws IOException {
        List<String> alarms = new ArrayList<>();
        Path run = Layout.run(getClass().getSimpleName());
        for (Path file : List.of(run.resolve("catalina-base/logs/console.out"), run.resolve("app-logs/club.log"))) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.contains(ALARM) && line.contains(ALARM_CAUSE)) {
                    alarms.add(file.getFileName() + ": " + line);
                }
            }
        }
        assertEquals(2, alarms.size(), () -> "one alarm in Tomcat's console and one in the club's log: " + alarms);
        for (String alarm : alarms) {
            assertTrue(alarm.contains(" ERROR ") && alarm.contains("claimguard.audit"), alarm);
            assertTrue(alarm.contains("claimguard-all-javax"), "the alarm does not name the jar to use: " + alarm);
        }
    }

    @Test
    void noCallerGetsAProtectedValue() throws IOException {
        if (notStarted != null) {
            assertTrue(String.join("\n", Files.readAllLines(Layout.run(getClass().getSimpleName()).resolve("app-logs/club.log")))
                            .contains("ClaimGuard JDBC deny: write_new_row"),
                    "the application did not start, and not because ClaimGuard refused its seed: " + notStarted.getMessage());
            return;
        }
        SampleApp app = deployment.app(http);
        for (Persona persona : Persona.values()) {
            String page = LegacyAppInTomcatTest.ok(app.get("/members", deployment.identityProvider.token(persona)));
            assertEquals("", SampleApp.whoami(page), persona + ": no filter, so no principal");
            assertEquals(ClubAppTest.MEMBERS.of(Persona.VISITOR, stored), SampleApp.htmlRows(page),
                    persona + " sees what a caller without a token sees");
        }
    }
}
