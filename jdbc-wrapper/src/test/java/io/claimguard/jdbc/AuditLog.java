package io.claimguard.jdbc;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * The events the {@code claimguard.audit} logger writes while this is open, through a real Logback
 * appender with logstash-logback-encoder's JSON encoder, as an operator would ship them: one JSON
 * object per line, read back with Jackson.
 */
final class AuditLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Logger logger;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    /** How much of the text {@link #take()} has handed out. */
    private int taken;
    private final List<JsonNode> config = new ArrayList<>();

    AuditLog() {
        logger = (Logger) LoggerFactory.getLogger("claimguard.audit");
        LoggerContext context = logger.getLoggerContext();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.getFieldNames().setTimestamp("[ignore]");   // digits of a time must not pass for a leaked value
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.setImmediateFlush(true);
        appender.start();
        logger.addAppender(appender);
    }

    /** Every line written so far, as text: for asserting what must never appear. */
    synchronized String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The events about statement runs written since the previous call, parsed. What a loaded
     * configuration announces (kind {@code config}) is kept for {@link #takeConfig()}.
     */
    synchronized List<JsonNode> take() {
        String all = text();
        List<JsonNode> events = new ArrayList<>();
        for (String line : all.substring(taken).split("\n")) {
            if (!line.isBlank()) {
                try {
                    JsonNode event = JSON.readTree(line);
                    (event.path("kind").asText().equals("config") ? config : events).add(event);
                } catch (IOException e) {
                    throw new UncheckedIOException("not one JSON object per line: " + line, e);
                }
            }
        }
        taken = all.length();
        return events;
    }

    /** The announcements of loaded configurations written since the previous call. */
    synchronized List<JsonNode> takeConfig() {
        take();
        List<JsonNode> taken = List.copyOf(config);
        config.clear();
        return taken;
    }

    /** The one event written since the previous call; fails if there are none or several. */
    JsonNode one() {
        List<JsonNode> events = take();
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one audit event, got " + events.size() + ": " + events);
        }
        return events.get(0);
    }

    /** The strings of a JSON array field of an event, in order; none for an absent field. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> out.add(node.asText()));
        }
        return out;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
