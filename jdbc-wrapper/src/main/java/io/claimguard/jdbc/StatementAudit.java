package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.jdbc.analysis.Fingerprint;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Records the decisions about statement runs: one audit event per run that involves a protected
 * column, on the logger {@value #LOGGER} at INFO, as SLF4J key-value pairs (see the README for the
 * fields), so that any Logback encoder, plain or JSON, ships them; and the decision and denial
 * counters of {@link DriverMeters}. Identical events within the configured window are counted,
 * not repeated ({@link RepeatThrottle}).
 *
 * <p>No event is built while the logger is off. Events carry names and a fingerprint, never the
 * SQL text, a bind value or a cell value.
 */
final class StatementAudit {
    static final String LOGGER = "claimguard.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final RepeatThrottle throttle;
    private final DriverMeters meters;
    private final DriverMeters.Tally allowed;
    private final DriverMeters.Tally masked;
    private final DriverMeters.Tally preserved;
    private final DriverMeters.Tally denied;

    StatementAudit(RepeatThrottle.Settings settings, DriverMeters meters) {
        this.throttle = new RepeatThrottle(settings, Clock.systemUTC(), (key, repeats) -> write((Decision) key, repeats));
        this.meters = meters;
        this.allowed = meters.decisions(Decision.ALLOW, Mode.ENFORCE);
        this.masked = meters.decisions(Decision.MASK, Mode.ENFORCE);
        this.preserved = meters.decisions(Decision.PRESERVE, Mode.ENFORCE);
        this.denied = meters.decisions(Decision.DENY, Mode.ENFORCE);
    }

    DriverMeters meters() {
        return meters;
    }

    void write(Decision decision) {
        count(decision);
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long repeats = throttle.admit(decision);
        if (repeats != RepeatThrottle.SUPPRESSED) {
            write(decision, repeats);
        }
    }

    private void count(Decision d) {
        switch (d.outcome) {
            case Decision.MASK -> masked.add(1);
            case Decision.PRESERVE -> preserved.add(1);
            case Decision.DENY -> {
                denied.add(1);
                meters.denials(d.reason.code(), d.column, Mode.ENFORCE).add(1);
            }
            default -> allowed.add(1);
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
