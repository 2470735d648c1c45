package io.claimguard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The replacement styles and the options around them, set in logback.xml. */
class ReplacementStylesTest {

    private static final String KEY = "hashKey=0123456789abcdef0123456789abcdef";

    private static String once(String options, String message) {
        try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", options))) {
            log.logger().info(message);
            return log.take();
        }
    }

    @Test
    void partial_keepsWhatSupportNeeds() {
        assertEquals("mail j***@example.com card ************1111 amex ****-******-*0005 ssn ***-**-6789 "
                        + "phone +* ***-***-**43 iban DE** **** **** **** **30 00 token=[REDACTED:SECRET] [REDACTED:JWT]\n",
                once("style=partial", "mail jane.doe@example.com card 4111111111111111 amex 3782-822463-10005 ssn 123-45-6789 "
                        + "phone +1 202-555-0143 iban DE89 3704 0044 0532 0130 00 token=abc123 "
                        + "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"));
    }

    @Test
    void hash_correlatesOneValueAcrossLinesAndSpellings_withoutShowingIt() {
        String out;
        try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", "style=hash, " + KEY))) {
            log.logger().info("a Jane.Doe@Example.com b 4111 1111 1111 1111");
            log.logger().info("a jane.doe@example.com b 4111-1111-1111-1111");
            log.logger().info("a john.roe@example.com b 5555555555554444");
            out = log.take();
        }
        Matcher m = Pattern.compile("\\[(EMAIL|CARD):([0-9a-f]{6})]").matcher(out);
        List<String> hashes = m.results().map(r -> r.group(2)).toList();
        assertEquals(6, hashes.size(), out);
        assertEquals(hashes.get(0), hashes.get(2), "same email, other case");
        assertEquals(hashes.get(1), hashes.get(3), "same card, other separators");
        assertNotEquals(hashes.get(0), hashes.get(4));
        assertNotEquals(hashes.get(1), hashes.get(5));
        assertFalse(out.contains("jane") || out.contains("4111"), out);
    }

    @Test
    void hash_dependsOnTheKey() {
        String a = once("style=hash, " + KEY, "x jane.doe@example.com");
        String b = once("style=hash, hashKey=another-key-of-16-bytes-or-more", "x jane.doe@example.com");
        assertTrue(a.startsWith("x [EMAIL:") && b.startsWith("x [EMAIL:"), a + b);
        assertNotEquals(a, b);
    }

    @Test
    void hash_withoutKeyOrWithShortKey_failsClosed() {
        for (String options : List.of("style=hash", "style=hash, hashKey=short", "style=hash, hashKeyEnv=CLAIMGUARD_NO_SUCH_VARIABLE")) {
            try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", options))) {
                log.logger().info("x jane.doe@example.com");
                assertEquals("[REDACTION FAILED]\n", log.take(), options);
                assertEquals(1, log.errors().size(), log.errors().toString());
                assertTrue(log.errors().get(0).startsWith("Redaction option '") && log.errors().get(0).contains("hashKey"),
                        log.errors().get(0));
                assertFalse(log.errors().get(0).contains("short"), "never echoes the key");
            }
        }
    }

    @Test
    void detectors_and_disable_chooseWhatRuns() {
        String line = "mail jane.doe@example.com phone +1 202-555-0143 card 4111111111111111";
        assertEquals("mail [REDACTED:EMAIL] phone +1 202-555-0143 card 4111111111111111\n", once("detectors=email", line));
        assertEquals("mail [REDACTED:EMAIL] phone +1 202-555-0143 card [REDACTED:CARD]\n", once("disable=phone", line));
        assertEquals("mail [REDACTED:EMAIL] phone [REDACTED:PHONE] card 4111111111111111\n", once("detectors=email|phone", line));
    }

    /** Options holding braces, commas or parentheses are quoted, as for Logback's own %replace. */
    @Test
    void customPatterns_andExtraKeys() {
        assertEquals("ref [REDACTED:ORDER_REF] pin=[REDACTED:SECRET] [REDACTED:EMP]\n",
                once("'pattern=ORDER_REF:ORD-[0-9]{8}', keys=pin, 'pattern=EMP:(?<![A-Za-z0-9])E[0-9]{6}(?![0-9])'",
                        "ref ORD-12345678 pin=0000 E123456"));
    }

    @Test
    void phoneRegion_readsNationalNumbersOfThatRegion() {
        assertEquals("tel [REDACTED:PHONE]\n", once("phoneRegion=GB", "tel 020 7946 0958"));
        assertEquals("tel 020 7946 0958\n", once("style=label", "tel 020 7946 0958"));
    }

    @Test
    void unknownOptionsAndValues_failClosed_namingTheOption() {
        for (String[] c : new String[][] {
                {"colour=red", "'colour'"}, {"detectors=emails", "unknown detector 'emails'"},
                {"pattern=lower:x", "upper-case LABEL"}, {"pattern=BAD:(", "not a valid regex"},
                {"pattern=EMPTY:x*", "matches the empty string"}, {"phoneRegion=XX", "'XX'"}, {"detectors=", "nothing would be redacted"}}) {
            try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", c[0]))) {
                log.logger().info("x 123-45-6789");
                assertEquals("[REDACTION FAILED]\n", log.take(), c[0]);
                assertTrue(log.errors().stream().anyMatch(e -> e.contains(c[1])), c[0] + " -> " + log.errors());
            }
        }
    }
}
