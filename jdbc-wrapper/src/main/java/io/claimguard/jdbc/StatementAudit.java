package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.core.audit.CoarseClock;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.jdbc.analysis.Fingerprint;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Policy;
import java.util.List;
import java.util.Locale;
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
    /** The decision counter of each outcome, fetched once. */
    private final DriverMeters.Tally[] decisions = new DriverMeters.Tally[Decision.Outcome.values().length];

    StatementAudit(RepeatThrottle.Settings settings, DriverMeters meters) {
        this.throttle = new RepeatThrottle(settings, CoarseClock.SYSTEM, (key, repeats) -> write((Decision) key, repeats));
        this.meters = meters;
        for (Decision.Outcome outcome : Decision.Outcome.values()) {
            decisions[outcome.ordinal()] = meters.decisions(outcome.code,
                    outcome.ordinal() >= Decision.Outcome.WOULD_MASK.ordinal() ? Mode.REPORT : Mode.ENFORCE);
        }
    }

    /**
     * Says, on the audit logger and once per loaded configuration, how work outside requests is
     * treated, and warns that {@code policy} lets through what it would mask or refuse: report
     * mode must never be on by accident.
     */
    static Policy announce(Policy policy) {
        Subject outside = policy.outsideRequests();
        LOG.atInfo().setMessage("ClaimGuard JDBC: work outside requests (the start-up of a web application,"
                        + " code in GuardContext.openOutsideRequests()) acts as subject " + outside.id() + " with roles "
                        + outside.roles() + " and scopes " + outside.scopes() + " (jdbc.outside_requests): it sees the"
                        + " protected columns those allow and stores the values it supplies in columns with"
                        + " writes: preserve; requests without a subject, and threads nothing marked, run with no subject"
                        + " (jdbc.on_no_subject: " + policy.onNoSubject().name().toLowerCase(Locale.ROOT) + ")")
                .addKeyValue("kind", "config")
                .addKeyValue("section", "jdbc")
                .addKeyValue("outside_requests", outside.id())
                .addKeyValue("config", policy.location())
                .log();
        List<String> reported = policy.rules().stream().filter(rule -> rule.mode() == Mode.REPORT)
                .map(ColumnRule::toString).distinct().toList();
        if (policy.mode() == Mode.REPORT || !reported.isEmpty()) {
            LOG.atWarn().setMessage("ClaimGuard JDBC is in REPORT mode for " + (policy.mode() == Mode.REPORT ? "the whole"
                            + " jdbc section" : reported.size() + " column(s)") + ": protected values are returned"
                            + " unmasked and refused statements run; audit events say what enforcement would do")
                    .addKeyValue("kind", "config")
                    .addKeyValue("mode", "report")
                    .addKeyValue("section", "jdbc")
                    .addKeyValue("columns", reported)
                    .addKeyValue("config", policy.location())
                    .log();
        }
        return policy;
    }

    DriverMeters meters() {
        return meters;
    }

    void write(Decision decision) {
        decisions[decision.outcome.ordinal()].add(1);
        if (decision.reason != null) {
            meters.denials(decision.reason.code(), decision.column,
                    decision.outcome == Decision.Outcome.DENY ? Mode.ENFORCE : Mode.REPORT).add(1);
        }
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
                .setMessage(d.reason == null ? "ClaimGuard JDBC " + d.outcome.code
                        : "ClaimGuard JDBC " + d.outcome.code + ": " + d.reason.code())
                .addKeyValue("kind", "jdbc")
                .addKeyValue("outcome", d.outcome.code)
                .addKeyValue("mode", d.mode.code())
                .addKeyValue("fingerprint", Fingerprint.hex(d.fingerprint));
        d.who.eachKnown(event::addKeyValue);
        addIfAny(event, "masked", d.plan.masked());
        addIfAny(event, "nulled", d.plan.nulled());
        addIfAny(event, "preserved", d.preserved);
        addIfAny(event, "would_mask", d.plan.wouldMask());
        addIfAny(event, "would_null", d.plan.wouldNull());
        addIfAny(event, "would_preserve", d.wouldPreserve);
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
