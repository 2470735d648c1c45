package io.claimguard.jdbc;

import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.jdbc.analysis.Fingerprint;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the audit events of statement runs: one per run that involves a protected column, on the
 * logger {@value #LOGGER} at INFO, as SLF4J key-value pairs (see the README for the fields), so
 * that any Logback encoder, plain or JSON, ships them. Identical events within the configured
 * window are counted, not repeated ({@link RepeatThrottle}).
 *
 * <p>Nothing is done while the logger is off. Events carry names and a fingerprint, never the SQL
 * text, a bind value or a cell value.
 */
final class StatementAudit {
    static final String LOGGER = "claimguard.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final RepeatThrottle throttle;

    StatementAudit(RepeatThrottle.Settings settings) {
        this.throttle = new RepeatThrottle(settings, Clock.systemUTC(), (key, repeats) -> write((Decision) key, repeats));
    }

    void write(Decision decision) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long repeats = throttle.admit(decision);
        if (repeats != RepeatThrottle.SUPPRESSED) {
            write(decision, repeats);
        }
    }

    private static void write(Decision d, long repeats) {
        LoggingEventBuilder event = LOG.atInfo()
                .setMessage(d.reason == null ? "ClaimGuard JDBC " + d.outcome : "ClaimGuard JDBC deny: " + d.reason.code())
                .addKeyValue("kind", "jdbc")
                .addKeyValue("outcome", d.outcome)
                .addKeyValue("fingerprint", Fingerprint.hex(d.fingerprint));
        d.who.eachKnown(event::addKeyValue);
        addIfAny(event, "masked", d.masked);
        addIfAny(event, "nulled", d.nulled);
        addIfAny(event, "preserved", d.preserved);
        if (d.reason != null) {
            event.addKeyValue("reason", d.reason.code());
            if (d.column != null) {
                event.addKeyValue("column", d.column);
            }
        }
        if (repeats > 0) {
            event.addKeyValue("repeats", repeats);
        }
        event.log();
    }

    private static void addIfAny(LoggingEventBuilder event, String key, List<String> columns) {
        if (!columns.isEmpty()) {
            event.addKeyValue(key, columns);
        }
    }
}
