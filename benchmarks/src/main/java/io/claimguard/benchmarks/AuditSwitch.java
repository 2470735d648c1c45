package io.claimguard.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.claimguard.jdbc.JdbcMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * The {@code audit} parameter of the JDBC benchmarks. {@code on}: the {@code claimguard.audit}
 * logger at INFO through logstash-logback-encoder's JSON encoder (into a stream that discards its
 * bytes), and the driver's metrics in a SimpleMeterRegistry, as an application that ships both
 * would run. {@code off}: the logger off and no Micrometer registry bound. Set in the trial setup,
 * before the fork's first ClaimGuard connection.
 */
final class AuditSwitch {
    static {
        // Logback and slf4j-nop are both on the class path (ShardingSphere wants a binding): pick Logback.
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
    }

    private AuditSwitch() {
    }

    static void set(String audit) {
        boolean on = "on".equals(audit);
        if (!on && !"off".equals(audit)) {
            throw new IllegalArgumentException("audit must be on or off, not " + audit);
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not bound to Logback: " + LoggerFactory.getILoggerFactory());
        }
        Logger logger = context.getLogger("claimguard.audit");
        logger.setAdditive(false);
        logger.setLevel(on ? Level.INFO : Level.OFF);
        if (on && logger.getAppender("json") == null) {
            LogstashEncoder encoder = new LogstashEncoder();
            encoder.setContext(context);
            encoder.start();
            OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
            appender.setName("json");
            appender.setContext(context);
            appender.setEncoder(encoder);
            appender.setOutputStream(OutputStream.nullOutputStream());
            appender.start();
            logger.addAppender(appender);
            new JdbcMetrics().bindTo(new SimpleMeterRegistry());
        }
    }
}
