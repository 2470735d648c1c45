package io.claimguard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Lines of megabytes, binary junk, unbalanced quotes and adversarial repetitions of every
 * trigger: each is written (redacted, never dropped, never the placeholder) and nothing reaches
 * the application. The timeout only guards against a hang: time per byte is measured by
 * {@code RedactionBenchmark} in the benchmarks module.
 */
class BadInputTest {

    private static final int MEGABYTE = 1 << 20;
    private static LogCapture log;

    @BeforeAll
    static void pipeline() {
        log = LogCapture.of("redact-msg.xml");
    }

    @AfterAll
    static void close() {
        log.close();
    }

    static Stream<String> adversarial() {
        Random random = new Random(5);
        StringBuilder junk = new StringBuilder(MEGABYTE);
        for (int i = 0; i < MEGABYTE; i++) {
            junk.append((char) random.nextInt(0x10000));
        }
        return Stream.of(
                junk.toString(),
                "password=\"".repeat(MEGABYTE / 10),
                "password=".repeat(MEGABYTE / 9),
                "\"token\":\"\\\"".repeat(MEGABYTE / 11),
                "a@".repeat(MEGABYTE / 2),
                "a.".repeat(MEGABYTE / 2) + "@example",
                "x@" + "a.".repeat(MEGABYTE / 2),
                "eyJ.".repeat(MEGABYTE / 4),
                "eyJhbGciOiJIUzI1NiJ9" + ".eyJ".repeat(MEGABYTE / 4),
                "4111 ".repeat(MEGABYTE / 5),
                "1-".repeat(MEGABYTE / 2),
                "+1 (".repeat(MEGABYTE / 4),
                "(202) ".repeat(MEGABYTE / 6),
                "Bearer ".repeat(MEGABYTE / 7),
                "-----BEGIN ".repeat(MEGABYTE / 11),
                "-----BEGIN RSA PRIVATE KEY-----".repeat(MEGABYTE / 31),
                "DE89 ".repeat(MEGABYTE / 5),
                "Authorization: ".repeat(MEGABYTE / 15),
                "<password>".repeat(MEGABYTE / 10),
                "'".repeat(MEGABYTE),
                "9".repeat(MEGABYTE));
    }

    @ParameterizedTest
    @MethodSource("adversarial")
    void writtenInLinearTime_neverDropped(String line) {
        String out = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            log.logger().info(line);
            return log.take();
        });
        assertTrue(out.endsWith("\n"), "one line written");
        assertFalse(out.startsWith("[REDACTION FAILED]"), "redacted, not replaced");
        assertEquals(0, log.errors().size(), log.errors().toString());
    }
}
