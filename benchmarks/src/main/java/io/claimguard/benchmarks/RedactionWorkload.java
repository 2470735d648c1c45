package io.claimguard.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.claimguard.logging.RedactingConverter;
import io.claimguard.logging.RedactingLayout;
import java.util.List;
import java.util.Map;

/** The lines and patterns of {@link RedactionBenchmark}, and the check that each pipeline does what it claims. */
final class RedactionWorkload {

    private static final String PREFIX = "%d %-5level %logger - ";
    private static final String BODY = "%msg %X%n%ex";

    /**
     * What the {@code %replace} chain and logstash's value masking look for: the same things as
     * ClaimGuard's detectors, as the regexes such configurations usually carry (no validators).
     */
    static final List<String> REGEXES = List.of(
            "eyJ[A-Za-z0-9_-]+[.][A-Za-z0-9_-]+[.][A-Za-z0-9_-]*",
            "(?i)(bearer|basic) +[A-Za-z0-9._~+/-]+=*",
            "(?i)(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|credentials?)(\"?[ ]*[:=][ ]*\"?)[^ \"&,;]+",
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+([.][A-Za-z0-9-]+)*[.][A-Za-z]{2,}",
            "(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])",
            "(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])",
            "[+][0-9][0-9 ().-]{6,18}[0-9]",
            "(?<![A-Z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Z0-9])");

    private static final String[] CLEAN = {
        "Request 3f2a9c1e-8b7d-4c2e-9f10-6a5b4c3d2e1f completed in 153 ms",
        "GET /api/v1/orders/88123 200 41ms",
        "traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "Scheduled job ran at 2026-11-29T21:10:51.123Z, next in PT15M",
        "Kafka offset 1287364 partition 7 lag 12",
        "Connected to 10.12.0.7:5432 pool=orders active=4 idle=6",
        "order ORD-2026-000123 total 129.90 EUR for customer 88123",
        "GC pause (G1 Evacuation Pause) 120M->48M(2048M) 3.512ms",
        "Selected 42 rows from customers where region = 'EU' in 7 ms",
        "retry 2/5 after 400ms backoff, timeout=30s",
        "commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b deployed as version 2.14.3",
        "Loaded 17 routes from classpath:routes.yaml",
        "Token expired for session 00f067aa0ba902b7, redirecting to /login",
        "thread pool http-nio-8080-exec-12 active=3 queue=0",
        "Price update SKU-10023 from 19.99 to 17.49",
        "cache miss key=user:88123 took 2 ms",
    };

    /** The same shapes; five of them carry a value. */
    private static final String[] MIX = CLEAN.clone();

    static {
        MIX[1] = "GET /api/v1/orders/88123?access_token=ya29.a0AfH6SMBx3 200 41ms";
        MIX[6] = "order ORD-2026-000123 total 129.90 EUR for customer jane.doe@example.com";
        MIX[8] = "Selected 42 rows from customers where ssn = '123-45-6789' in 7 ms";
        MIX[11] = "charge declined for card 4111 1111 1111 1111 (code 51)";
        MIX[14] = "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    }

    private static final List<String> MIX_VALUES = List.of(
            "ya29.a0AfH6SMBx3", "jane.doe@example.com", "123-45-6789", "4111 1111 1111 1111", "eyJhbGciOiJIUzI1NiJ9");

    private RedactionWorkload() {
    }

    static String pattern(String pipeline) {
        switch (pipeline) {
            case "plain":
            case "layout":
                return PREFIX + BODY;
            case "redact":
                return PREFIX + "%redact(" + BODY + ")";
            case "render-only":
                return PREFIX + "%renderonly(" + BODY + ")";
            case "replace":
                String body = BODY;
                for (String regex : REGEXES) {
                    body = "%replace(" + body + "){'" + regex + "', '[REDACTED]'}";
                }
                return PREFIX + body;
            default:
                throw new IllegalArgumentException(pipeline);
        }
    }

    static PatternLayout layout(LoggerContext context, String pipeline) {
        PatternLayout layout = "layout".equals(pipeline) ? new RedactingLayout() : new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("redact", RedactingConverter::new);
        layout.getInstanceConverterMap().put("renderonly", RenderOnlyConverter::new);
        layout.setPattern(pattern(pipeline));
        layout.start();
        return layout;
    }

    static ILoggingEvent[] events(Logger logger, String lines) {
        String[] messages = "mix".equals(lines) ? MIX : CLEAN;
        ILoggingEvent[] events = new ILoggingEvent[messages.length];
        for (int i = 0; i < messages.length; i++) {
            events[i] = event(logger, messages[i]);
        }
        return events;
    }

    /** About {@code length} characters, dense in every trigger, with nothing that validates. */
    static ILoggingEvent[] adversarial(Logger logger, int length) {
        String chunk = "a@b.c 4111 1111 +1 (202 password=\"x eyJhbGciOi. Bearer 1-2-3 DE89 ssn 12345 -----BEGIN x ";
        StringBuilder line = new StringBuilder(length + chunk.length());
        while (line.length() < length) {
            line.append(chunk);
        }
        line.setLength(length);
        return new ILoggingEvent[] {event(logger, line.toString())};
    }

    private static ILoggingEvent event(Logger logger, String message) {
        LoggingEvent event = new LoggingEvent(RedactionWorkload.class.getName(), logger, Level.INFO, message, null, null);
        event.setTimeStamp(1_764_450_651_123L);
        event.setMDCPropertyMap(Map.of("requestId", "7f3a9c"));
        return event;
    }

    /** Fails the trial if a pipeline leaks a value of the mix, or if ClaimGuard's redaction changes a clean line. */
    static void check(PatternLayout layout, ILoggingEvent[] events, String pipeline, String lines) {
        if ("plain".equals(pipeline) || "render-only".equals(pipeline)) {
            return;
        }
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : events) {
            all.append(layout.doLayout(event));
        }
        if ("mix".equals(lines)) {
            for (String value : MIX_VALUES) {
                if (all.indexOf(value) >= 0) {
                    throw new IllegalStateException(pipeline + " leaves " + value + " in " + all);
                }
            }
        } else if (("redact".equals(pipeline) || "layout".equals(pipeline)) && all.indexOf("[REDACTED") >= 0) {
            throw new IllegalStateException(pipeline + " changed a clean line: " + all);
        }
    }
}
