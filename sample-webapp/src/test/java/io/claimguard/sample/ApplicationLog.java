package io.claimguard.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's log file as the demo writes it ({@code src/demo/logback.xml}: every line
 * through {@code %redact}, key-value pairs by {@code %kvp}), read back: the audit events on
 * {@code claimguard.audit}, parsed into their fields, and checks for what must never be in it.
 * The demo writes a request's events before it answers, so they are in the file once the
 * response has come.
 */
final class ApplicationLog {
    /** {@code DATE TIME LEVEL [THREAD] claimguard.audit - MESSAGE key="value" ...} */
    private static final Pattern AUDIT_LINE = Pattern.compile("^\\S+ \\S+ (\\w+)\\s+\\[[^]]*] claimguard\\.audit - (.*)$");
    private static final Pattern FIELD = Pattern.compile(" (\\w+)=\"([^\"]*)\"");

    /** One event: its level, message and fields; a list's field reads as {@code [a, b]}. */
    record AuditEvent(String level, String message, Map<String, String> fields, String line) {
        String get(String key) {
            return fields.get(key);
        }

        boolean has(String key) {
            return fields.containsKey(key);
        }

        /** A list of columns, {@code [a, b]} in the line; empty when the event has no such field. */
        List<String> list(String key) {
            String value = fields.get(key);
            if (value == null) {
                return List.of();
            }
            if (!value.startsWith("[") || !value.endsWith("]")) {
                throw new AssertionError(key + " is not a list in " + line);
            }
            return Arrays.asList(value.substring(1, value.length() - 1).split(", "));
        }

        /** A list of the sample's protected columns ({@code customers.ssn}), as {@link Column}s. */
        List<Column> columns(String key) {
            return list(key).stream().map(name -> Column.byKey(name.substring(name.indexOf('.') + 1))
                    .filter(column -> name.equals("customers." + column.key))
                    .orElseThrow(() -> new AssertionError(name + " is not a column of customers in " + line))).toList();
        }

        @Override
        public String toString() {
            return line;
        }
    }

    private final Path file;
    /** How much of the file {@link #take()} has read. */
    private int taken;

    ApplicationLog(Path file) {
        this.file = file;
    }

    /** The whole file. */
    String text() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every audit event in the file. */
    List<AuditEvent> events() {
        return parse(text());
    }

    /** The audit events written since the previous call (since the start, for the first). */
    List<AuditEvent> take() {
        String all = text();
        List<AuditEvent> events = parse(all.substring(taken));
        taken = all.length();
        return events;
    }

    /** The one audit event written since the previous {@link #take()}; fails if there are none or several. */
    AuditEvent one() {
        List<AuditEvent> events = take();
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one audit event, got " + events.size() + ": " + events);
        }
        return events.get(0);
    }

    /** Fails if the file holds any of {@code tokens}, their claims or signatures, or anything shaped like a JWT. */
    void assertHoldsNoPartOf(Collection<String> tokens) {
        String log = text();
        for (String token : tokens) {
            assertFalse(log.contains(token), "a token reached the log");
            String[] parts = token.split("\\.");
            if (parts.length == 3) {
                assertFalse(log.contains(parts[1]), "a token's claims reached the log");
                assertFalse(log.contains(parts[2]), "a token's signature reached the log");
            }
        }
        assertFalse(log.contains("eyJ"), "something JWT-shaped reached the log");
    }

    private static List<AuditEvent> parse(String text) {
        List<AuditEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher audit = AUDIT_LINE.matcher(line);
            if (!audit.matches()) {
                continue;
            }
            String rest = audit.group(2);
            Matcher field = FIELD.matcher(rest);
            Map<String, String> fields = new LinkedHashMap<>();
            int message = -1;
            while (field.find()) {
                message = message < 0 ? field.start() : message;
                if (fields.put(field.group(1), field.group(2)) != null) {
                    throw new AssertionError("field " + field.group(1) + " appears twice in " + line);
                }
            }
            events.add(new AuditEvent(audit.group(1), message < 0 ? rest.trim() : rest.substring(0, message), fields, line));
        }
        return events;
    }
}
