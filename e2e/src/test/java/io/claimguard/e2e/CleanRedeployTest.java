package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * An application behind ClaimGuard reloaded three times through Tomcat's manager, serving every
 * persona with {@code %redact} logging before and after each reload, leaves nothing behind: no
 * SEVERE line of Tomcat's naming a ClaimGuard class (thread-locals, threads, drivers), no thread
 * named after ClaimGuard, and every old class loader collectable (the manager's
 * {@code findleaks} lists no application). On Tomcat 9 the javax club with claimguard-all-javax,
 * on Tomcat 10.1 the same WAR migrated with claimguard-all, on Tomcat 11 the sample with
 * claimguard-all: one subclass each.
 */
abstract class CleanRedeployTest {

    static final int RELOADS = 3;
    static final Duration RELOAD_DEADLINE = Duration.ofSeconds(60);
    static final Duration COLLECT_DEADLINE = Duration.ofSeconds(60);

    final Http http = new Http();

    void serveClub(AppDeployment deployment, Map<String, Map<String, String>> stored) {
        SampleApp app = deployment.app(http);
        for (Persona persona : Persona.values()) {
            String token = deployment.identityProvider.token(persona);
            assertEquals(ClubAppTest.MEMBERS.of(persona, stored), SampleApp.htmlRows(LegacyAppInTomcatTest.ok(app.get("/members", token))),
                    persona + " members");
            assertEquals(ClubAppTest.MEMBERS.form(persona, stored.get("3")),
                    SampleApp.formFields(LegacyAppInTomcatTest.ok(app.get("/members/3/edit", token))), persona + " form of member 3");
        }
    }

    void reloadAndCheck(AppDeployment deployment, Runnable serve, LogScan protectedValues, String applicationLog)
            throws IOException {
        Tomcat tomcat = deployment.tomcat;
        serve.run();
        for (int reload = 1; reload <= RELOADS; reload++) {
            String answer = tomcat.manager("reload?path=" + deployment.context);
            assertTrue(answer.startsWith("OK"), "reload " + reload + ": " + answer);
            tomcat.awaitReady(deployment.context + "/health", RELOAD_DEADLINE);
            serve.run();
        }

        assertEquals("OK - No memory leaks found", findLeaks(tomcat),
                "a class loader of an earlier deployment was not collected after " + RELOADS + " reloads; heap dump with"
                        + " jcmd <pid> GC.heap_dump to see what holds it");

        List<String> threads = new ArrayList<>();
        for (String line : tomcat.manager("threaddump").lines().toList()) {
            if (line.startsWith("\"") && line.toLowerCase(Locale.ROOT).contains("claimguard")) {
                threads.add(line);
            }
        }
        assertEquals(List.of(), threads, "threads named after ClaimGuard");

        tomcat.stop();
        List<String> complaints = new ArrayList<>();
        for (String line : Files.readAllLines(tomcat.logs().resolve("console.out"), StandardCharsets.ISO_8859_1)) {
            String lower = line.toLowerCase(Locale.ROOT);
            boolean leak = line.contains("appears to have started a thread") || line.contains("registered the JDBC driver")
                    || line.contains("created a ThreadLocal");
            if (line.contains("SEVERE") && line.contains("io.claimguard") || leak && lower.contains("claimguard")) {
                complaints.add(line);
            }
        }
        assertEquals(List.of(), complaints, "Tomcat's complaints about ClaimGuard over " + RELOADS + " reloads and the stop");

        List<String> found = protectedValues.tokens(deployment.identityProvider.issuedTokens()).findIn(deployment.logFiles());
        assertEquals(List.of(), found, "tokens or protected values in the logs");
        assertTrue(Files.exists(deployment.applicationLogs.resolve(applicationLog)), "no " + applicationLog);
    }

    /**
     * The manager's {@code findleaks} answer once it lists no application, or its last answer at the
     * deadline: each call asks for a full collection first, which may take more than one call to
     * reach an unreachable class loader.
     */
    private static String findLeaks(Tomcat tomcat) throws IOException {
        Instant giveUp = Instant.now().plus(COLLECT_DEADLINE);
        String answer;
        do {
            answer = tomcat.manager("findleaks?statusLine=true").strip();
            if (answer.equals("OK - No memory leaks found")) {
                return answer;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        } while (Instant.now().isBefore(giveUp));
        return answer;
    }
}
