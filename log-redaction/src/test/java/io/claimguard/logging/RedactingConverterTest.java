package io.claimguard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** {@code %redact(...)} in a real Logback pipeline: every part of an event that can carry data. */
class RedactingConverterTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @Test
    void message_and_arguments() {
        try (LogCapture log = LogCapture.of("redact-full.xml")) {
            log.logger().info("login {} with card {} and token {}", "jane.doe@example.com", "4111 1111 1111 1111", JWT);
            String line = log.take();
            assertEquals("INFO  test - login [REDACTED:EMAIL] with card [REDACTED:CARD] and token [REDACTED:JWT]   \n", line);
        }
    }

    @Test
    void mdc_keyValuePairs_and_markers() {
        try (LogCapture log = LogCapture.of("redact-full.xml")) {
            MDC.put("user", "jane.doe@example.com");
            try {
                log.logger().atInfo()
                        .addMarker(MarkerFactory.getMarker("notify:ops@example.com"))
                        .addKeyValue("password", "hunter2")
                        .addKeyValue("order", 42)
                        .log("saved");
            } finally {
                MDC.remove("user");
            }
            String line = log.take();
            assertEquals("INFO  test - saved user=[REDACTED:EMAIL] password=\"[REDACTED:SECRET]\" order=\"42\" notify:[REDACTED:EMAIL]\n", line);
        }
    }

    @Test
    void exceptions_withCausesAndSuppressed() {
        try (LogCapture log = LogCapture.of("redact-full.xml")) {
            SQLException cause = new SQLException("duplicate key (email)=(jane.doe@example.com)");
            IllegalStateException top = new IllegalStateException("charge of card 5555-5555-5555-4444 failed", cause);
            top.addSuppressed(new RuntimeException("Authorization: Bearer " + JWT));
            log.logger().error("payment failed for 123-45-6789", top);
            String out = log.take();
            assertTrue(out.startsWith("ERROR test - payment failed for [REDACTED:SSN]"), out);
            assertTrue(out.contains("java.lang.IllegalStateException: charge of card [REDACTED:CARD] failed"), out);
            assertTrue(out.contains("Caused by: java.sql.SQLException: duplicate key (email)=([REDACTED:EMAIL])"), out);
            assertTrue(out.contains("Suppressed: java.lang.RuntimeException: Authorization: Bearer [REDACTED:CREDENTIAL]"), out);
            assertTrue(out.contains("\tat io.claimguard.logging.RedactingConverterTest.exceptions_withCausesAndSuppressed"), out);
            for (String secret : List.of("jane.doe", "5555", "123-45", "eyJ")) {
                assertFalse(out.contains(secret), secret);
            }
        }
    }

    /** Logback appends a raw %ex to patterns that handle no exception; %redact(%msg)%n must not let that happen. */
    @Test
    void patternWithoutEx_stackTraceIsRedactedNotAppendedRaw() {
        try (LogCapture log = LogCapture.of("redact-msg.xml")) {
            Logger logger = log.logger();
            logger.error("failed", new IllegalArgumentException("bad email jane.doe@example.com",
                    new RuntimeException("card 4111111111111111")));
            String out = log.take();
            assertTrue(out.startsWith("failed\njava.lang.IllegalArgumentException: bad email [REDACTED:EMAIL]\n\tat "), out);
            assertTrue(out.contains("Caused by: java.lang.RuntimeException: card [REDACTED:CARD]\n"), out);
            assertTrue(out.endsWith("\n") && !out.endsWith("\n\n"), "one line separator after the trace");
            assertFalse(out.contains("jane.doe") || out.contains("4111111111111111"), out);

            logger.info("no exception here");
            assertEquals("no exception here\n", log.take());
        }
    }

    /** Each %redact without %ex renders the trace; with two in a pattern it is printed once, by the last, still redacted. */
    @Test
    void twoRedactsWithoutEx_printTheStackTraceOnce() {
        try (LogCapture log = LogCapture.of("redact-pattern.xml", Map.of("pattern", "%redact(%msg) [%redact(%X{user})]%n"))) {
            MDC.put("user", "jane.doe@example.com");
            try {
                log.logger().error("charge failed", new IllegalStateException("card 4111111111111111 declined"));
            } finally {
                MDC.remove("user");
            }
            String out = log.take();
            assertEquals(1, count(out, "java.lang.IllegalStateException"), out);
            assertTrue(out.startsWith("charge failed [[REDACTED:EMAIL]\njava.lang.IllegalStateException: card [REDACTED:CARD] declined\n\tat "), out);
            assertFalse(out.contains("jane.doe") || out.contains("4111111111111111"), out);
        }
    }

    /** A pattern that prints the raw trace itself (%ex outside %redact) gets it once, where it asked for it. */
    @Test
    void explicitExAfterRedact_printsTheTraceOnlyThere() {
        try (LogCapture log = LogCapture.of("redact-pattern.xml", Map.of("pattern", "%redact(%msg)|%ex{short}"))) {
            log.logger().error("failed", new IllegalStateException("boom"));
            String out = log.take();
            assertEquals(1, count(out, "java.lang.IllegalStateException: boom"), out);
            assertTrue(out.startsWith("failed|java.lang.IllegalStateException: boom"), out);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void options_inBraces() {
        try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", "style=partial, keys=pin|otp"))) {
            log.logger().info("mail jane.doe@example.com card 4111-1111-1111-1111 pin=1234 otp: 998877");
            assertEquals("mail j***@example.com card ****-****-****-1111 pin=[REDACTED:SECRET] otp: [REDACTED:SECRET]\n", log.take());
        }
    }

    @Test
    void invalidOption_failsClosedWithPlaceholderAndNamesTheOption() {
        try (LogCapture log = LogCapture.of("redact-bad-option.xml")) {
            log.logger().info("ssn 123-45-6789");
            assertEquals("[REDACTION FAILED]\n", log.take());
            assertTrue(log.errors().stream().anyMatch(e -> e.contains("Redaction option 'style'") && e.contains("'stars'")),
                    log.errors().toString());
        }
    }

    /** A custom pattern that overflows the regex engine's stack: the line is replaced, never dropped, never raw. */
    @Test
    void failureWhileRedacting_writesPlaceholderAndKeepsLogging() {
        try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", "pattern=DEEP:(?:a|b)*c"))) {
            log.logger().info("ab".repeat(200_000) + " jane.doe@example.com");
            log.logger().info("next line jane.doe@example.com");
            assertEquals("[REDACTION FAILED]\nnext line [REDACTED:EMAIL]\n", log.take());
            List<String> errors = log.errors();
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("StackOverflowError"), errors.get(0));
            assertFalse(errors.get(0).contains("jane"), errors.get(0));
        }
    }

    @Test
    void encoder_redactsTheWholeLine() {
        try (LogCapture log = LogCapture.of("redact-encoder.xml")) {
            MDC.put("user", "jane.doe@example.com");
            try {
                log.logger().warn("card {}", "4111111111111111", new RuntimeException("token=abc123secret"));
            } finally {
                MDC.remove("user");
            }
            String out = log.take();
            assertTrue(out.startsWith("WARN  [j***@example.com] test - card ************1111\n"
                    + "java.lang.RuntimeException: token=[REDACTED:SECRET]\n"), out);
        }
    }

    /** Redactions that change the length of the text, with converters and literal text before and after each %redact. */
    @Test
    void redactionsInsideALargerPattern_keepTheTextAroundThem() {
        String pattern = "%-5level <%redact(%msg)> %logger [%redact(%X{user})] %-28redact(%X{phone})|%n";
        try (LogCapture log = LogCapture.of("redact-pattern.xml", Map.of("pattern", pattern))) {
            MDC.put("user", "jane.doe@example.com");
            MDC.put("phone", "+44 20 7946 0958");
            try {
                log.logger().info("card 4111 1111 1111 1111 and ssn 123-45-6789");
                log.logger().warn("nothing to hide here");
            } finally {
                MDC.remove("user");
                MDC.remove("phone");
            }
            log.logger().info("ssn 123-45-6789");
            String phone = "[REDACTED:PHONE]" + " ".repeat(28 - 16) + "|";
            assertEquals("INFO  <card [REDACTED:CARD] and ssn [REDACTED:SSN]> test [[REDACTED:EMAIL]] " + phone + "\n"
                    + "WARN  <nothing to hide here> test [[REDACTED:EMAIL]] " + phone + "\n"
                    + "INFO  <ssn [REDACTED:SSN]> test [] " + " ".repeat(28) + "|\n", log.take());
        }
    }

    /** A stack trace of many lines, values on several of them, inside %redact and followed by more of the pattern. */
    @Test
    void multiLineStackTrace_isRedactedLineByLine_andThePatternGoesOnAfterIt() {
        try (LogCapture log = LogCapture.of("redact-pattern.xml", Map.of("pattern", "%-5level %redact(%msg%n%ex)END %logger%n"))) {
            RuntimeException cause = new RuntimeException("ssn 123-45-6789\nand phone +1-202-555-0143");
            IllegalStateException top = new IllegalStateException("card 4111 1111 1111 1111 declined\nretry with 5555-5555-5555-4444", cause);
            log.logger().error("charge for jane.doe@example.com failed", top);
            String out = log.take();
            assertTrue(out.startsWith("ERROR charge for [REDACTED:EMAIL] failed\n"
                    + "java.lang.IllegalStateException: card [REDACTED:CARD] declined\n"
                    + "retry with [REDACTED:CARD]\n\tat io.claimguard.logging.RedactingConverterTest."), out);
            assertTrue(out.contains("Caused by: java.lang.RuntimeException: ssn [REDACTED:SSN]\nand phone [REDACTED:PHONE]\n\tat "), out);
            assertTrue(out.endsWith("\nEND test\n"), out);
            for (String value : List.of("jane.doe", "4111", "5555", "123-45", "555-0143")) {
                assertFalse(out.contains(value), value);
            }
        }
    }

    /**
     * A key-value pair whose {@code toString()} logs, on the same thread, through another pipeline
     * with %redact: the nested line is formatted while the outer one is half-rendered, and both
     * come out whole and redacted. (Logback formats the message itself before any converter runs.)
     */
    @Test
    void loggingFromInsideAValue_keepsBothLinesWholeAndRedacted() {
        try (LogCapture outer = LogCapture.of("redact-pattern.xml", Map.of("pattern", "%redact(%-5level %logger - %msg %kvp%n)"));
                LogCapture inner = LogCapture.of("redact-msg.xml")) {
            Object value = new Object() {
                @Override
                public String toString() {
                    inner.logger().info("inner line for 123-45-6789 and a much longer tail " + "x".repeat(300));
                    return "jane.doe@example.com";
                }
            };
            outer.logger().atInfo().addKeyValue("user", value).log("outer line with card 4111111111111111");
            assertEquals("INFO  test - outer line with card [REDACTED:CARD] user=\"[REDACTED:EMAIL]\"\n", outer.take());
            assertEquals("inner line for [REDACTED:SSN] and a much longer tail " + "x".repeat(300) + "\n", inner.take());
        }
    }

    /** A child converter that throws half-way: nothing it rendered is shown, and the next line is whole. */
    @Test
    void childConverterFailure_writesPlaceholderAndTheNextLineIsWhole() {
        try (LogCapture log = LogCapture.of("redact-pattern.xml", Map.of("pattern", "%redact(%msg %kvp)|%n"))) {
            Object broken = new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("jane.doe@example.com");
                }
            };
            log.logger().atInfo().addKeyValue("user", broken).log("card 4111111111111111");
            log.logger().info("ssn 123-45-6789");
            assertEquals("[REDACTION FAILED]|\nssn [REDACTED:SSN] |\n", log.take());
            assertTrue(log.errors().stream().anyMatch(e -> e.contains("IllegalStateException") && !e.contains("jane")),
                    log.errors().toString());
        }
    }
}
