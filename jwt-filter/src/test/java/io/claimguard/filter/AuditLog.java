package io.claimguard.filter;

import ch.qos.logback.classic.Logger;
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
 * What the {@code claimguard.audit} logger writes while this is open, through a Logback appender
 * with logstash-logback-encoder's JSON encoder, read back one JSON object per line.
 */
final class AuditLog implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("claimguard.audit");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

    AuditLog() {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(logger.getLoggerContext());
        encoder.getFieldNames().setTimestamp("[ignore]");   // digits of a time must not pass for a leaked value
        encoder.start();
        appender.setContext(logger.getLoggerContext());
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        logger.addAppender(appender);
    }

    synchronized String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every event so far, parsed, and forgotten. */
    synchronized List<JsonNode> take() {
        List<JsonNode> events = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(new ObjectMapper().readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        out.reset();
        return events;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
