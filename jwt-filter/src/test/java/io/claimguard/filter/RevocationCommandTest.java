package io.claimguard.filter;

import static io.claimguard.filter.Fixture.EC_ISS;
import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.issuedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.filter.revocation.RedisRevocations;
import io.claimguard.filter.revocation.RevocationCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The revocation command as an operator runs it: a separate JVM, reading the application's own
 * configuration file, writing to the shared Redis under this test's key prefix; what it revokes
 * is then refused by a filter sharing that store. Exit status 0 done, 1 usage or configuration,
 * 2 store unreachable; no password in anything it prints.
 */
class RevocationCommandTest {
    private static final String PASSWORD = "Rv5-cli-s3cret";

    @TempDir
    Path dir;
    private final String prefix = TestRedis.uniquePrefix();
    private Path config;
    private RedisRevocations store;
    private TestServer server;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        TestRedis.assumeShared();
        config = configFile("  revocation: \"" + TestRedis.SHARED_URL + "\"\n  revocation_options: {key_prefix: \"" + prefix
                + "\", cache_ms: 5000}\n");
        store = RedisRevocations.builder(TestRedis.SHARED_URL).keyPrefix(prefix).build();
        server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().clock(Clock.systemUTC()).revocations(store).build())
                .build());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            store.close();
            TestRedis.deleteAll(prefix);
        }
    }

    /** A configuration with a jwt section the command reads only the revocation keys of. */
    private Path configFile(String revocationLines) throws IOException {
        return Files.writeString(dir.resolve("claimguard-" + System.nanoTime() + ".yaml"), "jwt:\n  issuer: \"" + RSA_ISS
                + "\"\n  jwks_uri: \"https://id.example/jwks.json\"\n  audiences: [orders-api]\n" + revocationLines);
    }

    private static Run run(Path configFile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RevocationCommand.class.getName()));
        if (configFile != null) {
            command.addAll(List.of("--config", configFile.toString()));
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        byte[] err = process.getErrorStream().readAllBytes();
        byte[] out = process.getInputStream().readAllBytes();
        return new Run(process.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Run revoke(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("revoke"));
        all.addAll(List.of(args));
        Run run = run(config, all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.toString());
        return run;
    }

    @Test
    void revokeEachKind_refusedByTheFilter_andShownInStatus() throws Exception {
        long now = Instant.now().getEpochSecond();
        String one = Fixture.rs256(issuedAt(RSA_ISS, "alice", "cli-1", now - 5, ""));
        String bob = Fixture.rs256(issuedAt(RSA_ISS, "bob", "cli-2", now - 5, ""));
        String ec = Fixture.es256(issuedAt(EC_ISS, "carol", "cli-3", now - 5, ""));
        String other = Fixture.rs256(issuedAt(RSA_ISS, "dave", "cli-4", now - 5, ""));
        for (String token : List.of(one, bob, ec, other)) {
            assertEquals(200, server.status(token));
        }

        Run token = revoke("--issuer", RSA_ISS, "--jti", "cli-1", "--until", String.valueOf(now + 595));
        assertTrue(token.out().startsWith("revoked token jti=cli-1 of issuer " + RSA_ISS), token.out());
        assertEquals(401, server.status(one));
        try (RedisClient redis = TestRedis.shared()) {
            long ttl = redis.ttl(prefix + "token:" + RSA_ISS.length() + ":" + RSA_ISS + "cli-1");
            assertTrue(ttl > 590 + 600 - 10 && ttl <= 595 + 600, "kept until exp plus 10 minutes, then gone: " + ttl);
        }
        revoke("--subject", "bob", "--issuer", RSA_ISS);
        assertEquals(401, server.status(bob));
        revoke("--kid", "ec1");
        assertEquals(401, server.status(ec));
        assertEquals(200, server.status(other), "nothing else");

        Run status = run(config, "status");
        assertEquals(0, status.exit(), status.toString());
        assertEquals("store: " + TestRedis.SHARED_URL + " (key prefix " + prefix + ")\n"
                + "kill switch: not used\n"
                + "revoked key ids: ec1\n"
                + "subjects with a cutoff: 1\n"
                + "revoked tokens: 1\n", status.out());

        revoke("--all");
        assertEquals(401, server.status(other));
        assertTrue(run(config, "status").out().contains("kill switch: every token issued before "));
        String issuedAfter = Fixture.rs256(issuedAt(RSA_ISS, "dave", "cli-5", Instant.now().getEpochSecond() + 1, ""));
        assertEquals(200, server.status(issuedAfter), "tokens issued afterwards work");
    }

    @Test
    void untilAsAnInstant_andItsDefaultCoversTheLongestLifetime() throws Exception {
        revoke("--jti", "cli-6", "--issuer", RSA_ISS, "--until", "2099-01-01T00:00:00Z");
        revoke("--jti", "cli-7", "--issuer", RSA_ISS);
        try (RedisClient redis = TestRedis.shared()) {
            long iso = redis.ttl(prefix + "token:" + RSA_ISS.length() + ":" + RSA_ISS + "cli-6");
            assertTrue(iso > 365L * 86_400, "until 2099: " + iso);
            long byDefault = redis.ttl(prefix + "token:" + RSA_ISS.length() + ":" + RSA_ISS + "cli-7");
            assertTrue(byDefault > 30L * 86_400 && byDefault <= 31L * 86_400 + 600, "31 days and 10 minutes: " + byDefault);
        }
    }

    @Test
    void usageError_exitOne_withTheUsage() throws Exception {
        Run run = run(config, "revoke", "--jti", "x");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().startsWith("claimguard revocation: --issuer is required\nusage: java -jar claimguard-cli.jar"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void storesThatCannotBeAdministeredFromOutside_exitOne() throws Exception {
        Run memory = run(configFile("  revocation: memory\n"), "revoke", "--all");
        assertEquals(1, memory.exit(), memory.toString());
        assertTrue(memory.err().contains("jwt.revocation is memory: revocations live inside each application instance"),
                memory.err());
        Run none = run(configFile(""), "status");
        assertEquals(1, none.exit(), none.toString());
        assertTrue(none.err().contains("jwt.revocation is none: revocation is off"), none.err());
        Run badUrl = run(configFile("  revocation: \"redis://" + PASSWORD + "@h\"\n"), "status");
        assertEquals(1, badUrl.exit(), badUrl.toString());
        assertTrue(badUrl.err().contains("a Redis URL must look like"), badUrl.err());
        assertFalse(badUrl.err().contains(PASSWORD), badUrl.err());
    }

    @Test
    void unreachableStore_exitTwo_nothingChanged_noPassword() throws Exception {
        int port = TestRedis.freePort();
        Run run = run(configFile("  revocation: \"redis://:" + PASSWORD + "@127.0.0.1:" + port + "/0\"\n"), "revoke", "--all");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("claimguard revocation: revocation store redis://127.0.0.1:" + port + "/0 is unreachable"),
                run.err());
        assertTrue(run.err().contains("nothing was changed"), run.err());
        assertFalse((run.out() + run.err()).contains(PASSWORD), run.toString());
    }
}
