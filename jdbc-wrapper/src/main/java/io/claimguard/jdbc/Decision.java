package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import io.claimguard.core.audit.AuditIdentity;
import io.claimguard.jdbc.analysis.Analysis;
import java.util.List;
import java.util.Objects;

/**
 * What ClaimGuard decided about one statement run, as its audit event tells it: the statement's
 * fingerprint, the subject, the outcome, the protected columns masked, nulled or preserved on
 * write, and for a refusal its reason and column. Names only, never a value.
 *
 * <p>Two decisions are the same event for {@link io.claimguard.core.audit.RepeatThrottle} when
 * fingerprint, subject, outcome and reason agree. A statement run again by the same subject
 * reuses its previous decision ({@link #describes}), so that a repeated statement costs the
 * throttle one lookup and allocates nothing.
 */
final class Decision {
    static final String ALLOW = "allow";
    static final String MASK = "mask";
    static final String PRESERVE = "preserve";
    static final String DENY = "deny";

    final long fingerprint;
    final AuditIdentity who;
    final String outcome;
    final List<String> masked;
    final List<String> nulled;
    final List<String> preserved;
    /** For a refusal: why, and the column involved; null otherwise. */
    final DenialReason reason;
    final String column;
    private final int hash;
    /** What this decision was made from, compared by identity to reuse it. */
    private final Analysis analysis;
    private final Subject subject;
    private final MaskPlan plan;

    private Decision(Execution run, MaskPlan plan, String outcome, List<String> preserved, DenialReason reason,
                     String column) {
        this.analysis = run.analysis();
        this.subject = run.subject();
        this.plan = plan;
        this.fingerprint = analysis.fingerprint();
        this.who = AuditIdentity.of(subject);
        this.outcome = outcome;
        this.masked = plan.masked();
        this.nulled = plan.nulled();
        this.preserved = preserved;
        this.reason = reason;
        this.column = column;
        this.hash = Objects.hash(fingerprint, who, outcome, reason);
    }

    /** A run that went ahead: its first result's masks ({@link MaskPlan#NOTHING_MASKED} for none) and what its writes kept. */
    static Decision ran(Execution run, MaskPlan plan) {
        List<String> preserved = run.preserved();
        String outcome = !plan.masked().isEmpty() || !plan.nulled().isEmpty() ? MASK
                : !preserved.isEmpty() ? PRESERVE : ALLOW;
        return new Decision(run, plan, outcome, preserved, null, null);
    }

    /** @param column the protected column (or result column) refused, or null */
    static Decision denied(Execution run, DenialReason reason, String column) {
        return new Decision(run, MaskPlan.NOTHING_MASKED, DENY, List.of(), reason, column);
    }

    /** Whether this is the decision {@code run} comes to with {@code plan}: same statement, subject and masks, nothing written. */
    boolean describes(Execution run, MaskPlan plan) {
        return this.plan == plan && subject == run.subject() && analysis == run.analysis() && reason == null
                && run.preserved().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision other && hash == other.hash && fingerprint == other.fingerprint
                && who.equals(other.who) && outcome.equals(other.outcome) && reason == other.reason;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
