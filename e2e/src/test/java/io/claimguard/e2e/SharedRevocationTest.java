package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the sample application, each in a Tomcat of its own with claimguard-all in
 * the WAR, sharing the machine's Redis as their revocation store (under a key prefix of this run's
 * own, with a 30 s local cache that only the store's messages clear). An operator revokes with
 * {@code java -jar claimguard-cli.jar}, run as its own process with the same configuration file; both
 * instances must refuse within one second of the command's return, and tokens issued afterwards
 * must still work. The tests run in order: each revocation is wider than the one before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRevocationTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http = new Http();
    private IdentityProvider identityProvider;
    private final List<SampleDeployment> instances = new ArrayList<>();
    private Path configuration;

    @BeforeAll
    void deploy() throws IOException {
        requireRedis();
        identityProvider = IdentityProvider.start();
        String prefix = "claimguard-e2e:" + UUID.randomUUID() + ":";
        String policy = SampleDeployment.policy(identityProvider).replace("  revocation: memory\n", """
                  revocation: "redis://127.0.0.1:6379/0"
                  revocation_options:
                    key_prefix: "%s"
                    cache_ms: 30000
                """.formatted(prefix));
        assertTrue(policy.contains(prefix), "the sample's policy no longer says 'revocation: memory'");
        configuration = Files.createDirectories(Layout.run("SharedRevocation")).resolve("claimguard.yaml");
        Files.writeString(configuration, policy, StandardCharsets.UTF_8);
        for (String name : List.of("SharedRevocation-1", "SharedRevocation-2")) {
            instances.add(SampleDeployment.instance(name, identityProvider, ignored -> policy));
        }
    }

    @AfterAll
    void stop() {
        instances.forEach(SampleDeployment::close);
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @Test
    @Order(1)
    void aRevokedTokenIsRefusedByBothInstances_othersStillWork() throws Exception {
        String revoked = identityProvider.token(Persona.AGENT);
        String other = identityProvider.token(Persona.AGENT);
        assertAnswer(200, revoked);
        assertAnswer(200, other);   // both now sit in each instance's cache as "not revoked"

        refusedByBothWithinOneSecond(revoked, "revoke", "--issuer", identityProvider.baseUrl() + "/", "--jti", claim(revoked, "jti"));

        assertAnswer(200, other);
    }

    @Test
    @Order(2)
    void aSubjectCutoffIsRefusedByBothInstances_newTokensWork() throws Exception {
        String compliance = identityProvider.token(Persona.COMPLIANCE);
        assertAnswer(200, compliance);

        refusedByBothWithinOneSecond(compliance, "revoke", "--issuer", identityProvider.baseUrl() + "/", "--subject",
                claim(compliance, "sub"));

        assertAnswer(200, identityProvider.tokenIssuedAt(Persona.COMPLIANCE, Instant.now().plusSeconds(1)));
        assertAnswer(200, identityProvider.token(Persona.AGENT));
    }

    @Test
    @Order(3)
    void theKillSwitchIsRefusedByBothInstances_newTokensWork() throws Exception {
        String visitor = identityProvider.token(Persona.VISITOR);
        String agent = identityProvider.token(Persona.AGENT);
        assertAnswer(200, visitor);
        assertAnswer(200, agent);

        refusedByBothWithinOneSecond(visitor, "revoke", "--all");

        assertAnswer(401, agent);
        assertAnswer(200, identityProvider.tokenIssuedAt(Persona.VISITOR, Instant.now().plusSeconds(1)));
    }

    @Test
    @Order(4)
    void aRevokedKeyIsRefusedByBothInstances_whenEverItsTokensWereIssued() throws Exception {
        String agent = identityProvider.tokenIssuedAt(Persona.AGENT, Instant.now().plusSeconds(1));
        assertAnswer(200, agent);

        refusedByBothWithinOneSecond(agent, "revoke", "--kid", identityProvider.keyId());

        assertAnswer(401, identityProvider.tokenIssuedAt(Persona.AGENT, Instant.now().plusSeconds(1)));
    }

    /** Runs the command, then asks both instances until each refuses {@code token}, for at most {@link #WITHIN}. */
    private void refusedByBothWithinOneSecond(String token, String... command) throws Exception {
        revoke(command);
        long start = System.nanoTime();
        for (SampleDeployment instance : instances) {
            int status;
            do {
                status = status(instance, token);
            } while (status == 200 && System.nanoTime() - start < WITHIN.toNanos());
            assertEquals(401, status, instance.tomcat.uri("") + " still accepts the token after " + WITHIN.toMillis() + " ms");
        }
    }

    private void revoke(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Layout.claimGuardCli().toString(), "--config", configuration.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the revocation command did not end: " + output);
        }
        assertEquals(0, process.exitValue(), String.join(" ", arguments) + ": " + output);
    }

    private void assertAnswer(int expected, String token) {
        for (SampleDeployment instance : instances) {
            assertEquals(expected, status(instance, token), instance.tomcat.uri("").toString());
        }
    }

    private int status(SampleDeployment instance, String token) {
        return http.get(instance.tomcat.uri(SampleDeployment.CONTEXT + "/api/customers/1"), token).statusCode();
    }

    private static String claim(String token, String name) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get(name).asText();
    }

    /** The machine's Redis; a skip when it does not answer, or a failure under CLAIMGUARD_REQUIRE_SERVICES=true. */
    private static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
        } catch (IOException e) {
            if ("true".equals(System.getenv("CLAIMGUARD_REQUIRE_SERVICES"))) {
                fail("Redis at 127.0.0.1:6379 does not answer");
            }
            Assumptions.abort("Redis at 127.0.0.1:6379 does not answer");
        }
    }
}
