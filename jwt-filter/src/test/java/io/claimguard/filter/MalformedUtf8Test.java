package io.claimguard.filter;

import static io.claimguard.filter.Fixture.RSA_ISS;
import static io.claimguard.filter.Fixture.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimguard.core.audit.RepeatThrottle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token headers and payloads must be well-formed UTF-8 (RFC 8259 section 8.1). Every ill-formed
 * sequence of {@code malformed-utf8.txt} is placed, validly signed, inside a claim value, a claim
 * name and a header value: each token gets 401 {@code invalid_token} and the audit reason
 * {@code malformed_utf8}, through a real Jetty and Logback pipeline. The same token with the
 * sequence spelt as well-formed UTF-8 is accepted, so the refusal is the bytes' doing.
 */
class MalformedUtf8Test {
    private static TestServer server;
    private static AuditLog audit;

    record Case(String id, byte[] bytes, String where) {
        @Override
        public String toString() {
            return id + " in " + where;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        audit = new AuditLog();
        // no repeat throttle: every refusal writes its event
        server = new TestServer(JwtAuthFilter.builder(Fixture.verifier().build())
                .auditRepeats(new RepeatThrottle.Settings(Duration.ZERO, 1000)).build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        audit.close();
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = MalformedUtf8Test.class.getResourceAsStream("/malformed-utf8.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                byte[] bytes = HexFormat.of().parseHex(fields[1]);
                for (String where : List.of("claim value", "claim name", "header value")) {
                    cases.add(new Case(fields[0], bytes, where));
                }
            }
        }
        assertTrue(cases.size() >= 120, "the catalogue is missing or short: " + cases.size() / 3 + " sequences");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused_withItsOwnReason(Case c) throws Exception {
        assertEquals(200, server.bearer(token(c, "x".getBytes(StandardCharsets.UTF_8))).status(),
                "the well-formed control token must pass, or this case proves nothing");
        audit.take();

        TestServer.Response response = server.bearer(token(c, c.bytes()));
        assertEquals(401, response.status(), c.toString());
        assertTrue(response.header("www-authenticate").contains("error=\"invalid_token\""), response.header("www-authenticate"));
        List<JsonNode> events = audit.take();
        assertEquals(1, events.size(), events.toString());
        assertEquals("malformed_utf8", events.get(0).get("reason").asText());
    }

    /** A validly signed RS256 token with {@code inserted} placed where the case says. */
    private static String token(Case c, byte[] inserted) {
        String header = Fixture.header("RS256", "rsa1");
        String payload = claims(RSA_ISS, "");
        switch (c.where()) {
            case "claim value" -> payload = claims(RSA_ISS, ",\"note\":\"a\u0000b\"");
            case "claim name" -> payload = claims(RSA_ISS, ",\"n\u0000\":1");
            default -> header = header.replace("}", ",\"x\":\"a\u0000b\"}");
        }
        String input = Jws.b64(splice(header, inserted, c.where().startsWith("header")))
                + "." + Jws.b64(splice(payload, inserted, !c.where().startsWith("header")));
        return input + "." + Jws.b64(Jws.signature("RS256", TestKeys.RSA.getPrivate(),
                input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The UTF-8 of {@code json} with {@code inserted} in place of its NUL marker, if {@code here}. */
    private static byte[] splice(String json, byte[] inserted, boolean here) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        if (!here) {
            return utf8;
        }
        int at = json.indexOf('\u0000');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8, 0, at);
        out.writeBytes(inserted);
        out.write(utf8, at + 1, utf8.length - at - 1);
        return out.toByteArray();
    }
}
