package io.claimguard.filter.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arguments the command refuses, checked before any configuration is read or store opened (so no
 * configuration exists here): exit status 1, the reason and the usage on stderr, nothing on
 * stdout. The command's effects, exit statuses and output as a separate JVM are tested in
 * {@code io.claimguard.filter.RevocationCommandTest}.
 */
class RevocationCommandUsageTest {
    static List<List<String>> refused() {
        return List.of(
                List.of(),
                List.of("revoke"),
                List.of("revoke", "--jti", "x"),
                List.of("revoke", "--jti"),
                List.of("revoke", "--jti", ""),
                List.of("revoke", "--kid", "k", "--all"),
                List.of("revoke", "--kid", "k", "--issuer", "i"),
                List.of("revoke", "--subject", "s"),
                List.of("revoke", "--all", "--until", "1"),
                List.of("revoke", "--jti", "x", "--issuer", "i", "--until", "tomorrow"),
                List.of("revoke", "--jti", "x", "--jti", "y", "--issuer", "i"),
                List.of("status", "--kid", "k"),
                List.of("status", "status"),
                List.of("purge"),
                List.of("revoke", "--everything"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refused_beforeAnythingIsOpened(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new RevocationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC())
                .run(args.toArray(String[]::new));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, errors);
        assertTrue(errors.startsWith("claimguard revocation: "), errors);
        assertTrue(errors.contains("usage: java -jar claimguard-cli.jar"), "the usage follows: " + errors);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
