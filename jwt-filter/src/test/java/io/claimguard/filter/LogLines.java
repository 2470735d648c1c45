package io.claimguard.filter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The lines one logger writes while this is open, through the real Logback pipeline. */
final class LogLines implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogLines(Class<?> source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** The formatted messages at {@code level}, in order. */
    List<String> at(Level level) {
        List<String> lines = new ArrayList<>();
        synchronized (appender) {   // the appender adds under its own lock
            for (ILoggingEvent event : appender.list) {
                if (event.getLevel() == level) {
                    lines.add(event.getFormattedMessage());
                }
            }
        }
        return lines;
    }

    /** Every line, at any level, for asserting what must never appear. */
    String all() {
        StringBuilder out = new StringBuilder();
        synchronized (appender) {
            appender.list.forEach(event -> out.append(event.getLevel()).append(' ').append(event.getFormattedMessage()).append('\n'));
        }
        return out.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
