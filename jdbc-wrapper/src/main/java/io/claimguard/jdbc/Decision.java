package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.core.audit.AuditIdentity;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.jdbc.analysis.Analysis;
import java.util.List;
import java.util.Objects;

/**
 * What ClaimGuard decided about one statement run, as its audit event tells it: the statement's
 * fingerprint, the subject, the outcome, the protected columns masked, nulled or preserved on
 * write (and, for columns in report mode, what would have been), and for a refusal its reason and
 * column. Names only, never a value.
 *
 * <p>The outcome is what happened when anything was enforced ({@code deny}, {@code mask},
 * {@code preserve}), else what report mode let through ({@code would_deny}, {@code would_mask},
 * {@code would_preserve}), else {@code allow}; the mode is {@code report} whenever report mode let
 * anything through.
 *
 * <p>Two decisions are the same event for {@link io.claimguard.core.audit.RepeatThrottle} when
 * fingerprint, subject, outcome, mode and reason agree. A statement run again by the same subject
 * reuses its previous decision ({@link #describes}), which remembers its throttle window, so that
 * a repeated statement costs the throttle no lookup and allocates nothing.
 */
final class Decision extends RepeatThrottle.Key {
    enum Outcome {
        ALLOW, MASK, PRESERVE, DENY, WOULD_MASK, WOULD_PRESERVE, WOULD_DENY;

        final String code = name().toLowerCase(java.util.Locale.ROOT);
    }

    final long fingerprint;
    final AuditIdentity who;
    final Outcome outcome;
    final Mode mode;
    final MaskPlan.Audited plan;
    final List<String> preserved;
    final List<String> wouldPreserve;
    /** For a refusal, enforced or reported: why, and the column involved; null otherwise. */
    final DenialReason reason;
    final String column;
    private final int hash;
    /** What this decision was made from, compared by identity to reuse it. */
    private final Analysis analysis;
    private final Subject subject;
    private final MaskPlan masks;
    private final MaskPlan outValues;

    private Decision(Execution run, MaskPlan masks, MaskPlan outValues, Outcome outcome, DenialReason reason,
                     String column) {
        this.analysis = run.analysis();
        this.subject = run.subject();
        this.masks = masks;
        this.outValues = outValues;
        this.fingerprint = analysis.fingerprint();
        this.who = AuditIdentity.of(subject);
        this.plan = masks.audited().and(outValues.audited());
        this.preserved = run.preserved();
        this.wouldPreserve = run.wouldPreserve();
        this.outcome = outcome;
        this.reason = reason;
        this.column = column;
        this.mode = outcome.ordinal() >= Outcome.WOULD_MASK.ordinal() || run.wouldDeny() != null
                || !run.wouldPreserve().isEmpty() || !plan.wouldMask().isEmpty() || !plan.wouldNull().isEmpty()
                ? Mode.REPORT : Mode.ENFORCE;
        this.hash = Objects.hash(fingerprint, who, outcome, mode, reason);
    }

    /**
     * A run that went ahead: its first result's masks ({@link MaskPlan#NOTHING_MASKED} for none),
     * those of a call's OUT values, and its notes.
     */
    static Decision ran(Execution run, MaskPlan masks) {
        MaskPlan.Audited plan = masks.audited().and(run.outValues().audited());
        Outcome outcome = !plan.masked().isEmpty() || !plan.nulled().isEmpty() ? Outcome.MASK
                : !run.preserved().isEmpty() ? Outcome.PRESERVE
                : run.wouldDeny() != null ? Outcome.WOULD_DENY
                : !plan.wouldMask().isEmpty() || !plan.wouldNull().isEmpty() ? Outcome.WOULD_MASK
                : !run.wouldPreserve().isEmpty() ? Outcome.WOULD_PRESERVE
                : Outcome.ALLOW;
        return new Decision(run, masks, run.outValues(), outcome, run.wouldDeny(), run.wouldDenyColumn());
    }

    /**
     * A refusal; {@code enforced} false for one report mode let through after the run's own event.
     *
     * @param column the protected column (or result column) refused, or null
     */
    static Decision denied(Execution run, DenialReason reason, String column, boolean enforced) {
        return new Decision(run, MaskPlan.NOTHING_MASKED, MaskPlan.NOTHING_MASKED, enforced ? Outcome.DENY : Outcome.WOULD_DENY,
                reason, column);
    }

    /** Whether this is the decision {@code run} comes to with {@code masks}: same statement, subject and masks, no notes. */
    boolean describes(Execution run, MaskPlan masks) {
        return this.masks == masks && outValues == run.outValues() && subject == run.subject()
                && analysis == run.analysis() && reason == null
                && !run.hasNotes() && preserved.isEmpty() && wouldPreserve.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision other && hash == other.hash && fingerprint == other.fingerprint
                && who.equals(other.who) && outcome == other.outcome && mode == other.mode && reason == other.reason;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
