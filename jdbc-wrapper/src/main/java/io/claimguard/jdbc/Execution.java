package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.policy.ColumnRule;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a statement: the subject read from {@link io.claimguard.core.GuardContext} when it
 * executed, and the analysis of its SQL. Result sets produced by the run keep this subject even if
 * the thread's context changes before they are read.
 *
 * <p>A run that involves protected columns gets one audit event ({@link Decision}): when it is
 * refused, when its first result is wrapped or its first OUT value read, or when it returns no
 * result; at the latest when its statement runs again or closes. What report mode let through (a
 * refusal, a kept value) and what a call's OUT values read as are noted here until then.
 *
 * <p>A statement run again by the same subject begins its previous run {@link #again} when that
 * one noted nothing: the checks depend only on subject, text and policy, so they would pass again,
 * and a repeated point select allocates no run.
 */
final class Execution {
    private final Subject subject;
    private final Analysis analysis;
    /** The first protected column the statement involves that is hidden from the subject, or null. */
    private final ColumnRule firstHidden;
    /** Where the run's audit event goes; null for runs ClaimGuard makes itself, which are not audited. */
    private final StatementAudit audit;
    private boolean audited;
    /** Protected columns whose stored values the run's writes kept, and those report mode would have kept. */
    private List<String> preserved = List.of();
    private List<String> wouldPreserve = List.of();
    /** The first refusal report mode let through: why, and the column; null when none. */
    private DenialReason wouldDeny;
    private String wouldDenyColumn;
    /** The masks of a call's OUT values, for its event: what they read as NULL, or would in report mode. */
    private MaskPlan outValues = MaskPlan.NOTHING_MASKED;

    /** @param subject null when the statement ran without one */
    Execution(Subject subject, Analysis analysis) {
        this(subject, analysis, null);
    }

    Execution(Subject subject, Analysis analysis, StatementAudit audit) {
        this.subject = subject;
        this.analysis = analysis;
        this.audit = audit;
        this.firstHidden = firstHidden(subject, analysis);
    }

    /**
     * This run, begun again as the next run of its statement, if that run is the same: same
     * subject, same text, audited alike, and this one noted nothing. Null otherwise.
     */
    Execution again(Subject subject, Analysis analysis, StatementAudit audit) {
        if (subject != this.subject || analysis != this.analysis || audit != this.audit || hasNotes()) {
            return null;
        }
        audited = false;   // a new run: its own audit event
        return this;
    }

    Subject subject() {
        return subject;
    }

    Analysis analysis() {
        return analysis;
    }

    /** Whether the statement involves a protected column hidden from the subject (report mode hides nothing). */
    boolean lacksAccess() {
        return firstHidden != null;
    }

    ColumnRule firstHidden() {
        return firstHidden;
    }

    /** Notes that a write of the run keeps the stored value of {@code rule}, or would in report mode. */
    void preserved(ColumnRule rule, boolean enforced) {
        List<String> kept = enforced ? preserved : wouldPreserve;
        if (kept.isEmpty()) {
            kept = new ArrayList<>(2);
        }
        if (!kept.contains(rule.toString())) {
            kept.add(rule.toString());
        }
        if (enforced) {
            preserved = kept;
        } else {
            wouldPreserve = kept;
        }
    }

    /** Notes the masks of the run's OUT values ({@link OutParameters}), for its audit event. */
    void outValues(MaskPlan plan) {
        outValues = plan;
    }

    MaskPlan outValues() {
        return outValues;
    }

    List<String> preserved() {
        return preserved;
    }

    List<String> wouldPreserve() {
        return wouldPreserve;
    }

    DenialReason wouldDeny() {
        return wouldDeny;
    }

    String wouldDenyColumn() {
        return wouldDenyColumn;
    }

    /** Whether the run has anything to report beyond its result's masks. */
    boolean hasNotes() {
        return !preserved.isEmpty() || !wouldPreserve.isEmpty() || wouldDeny != null;
    }

    /**
     * Whether the run's audit event is still to be written, now: true once, and only for a run that
     * involves protected columns and is audited.
     */
    boolean takeAudit() {
        if (audited || audit == null || analysis.touched().isEmpty()) {
            return false;
        }
        audited = true;
        return true;
    }

    StatementAudit audit() {
        return audit;
    }

    /**
     * The exception refusing this run (or one of its writes), its audit event written. A write
     * refused through an updatable result set gets an event of its own, after the run's.
     */
    SQLException denied(DenialReason reason, Object column, String message) {
        if (audit != null) {
            audited = true;
            audit.write(Decision.denied(this, reason, column == null ? null : column.toString(), true));
        }
        return Denials.denied(message);
    }

    /**
     * A refusal report mode lets through: noted for the run's event, or, once that was written
     * (a write through an updatable result set), an event of its own.
     */
    void wouldDeny(DenialReason reason, Object column) {
        String name = column == null ? null : column.toString();
        if (audited) {
            if (audit != null) {
                audit.write(Decision.denied(this, reason, name, false));
            }
        } else if (wouldDeny == null) {
            wouldDeny = reason;
            wouldDenyColumn = name;
        }
    }

    private static ColumnRule firstHidden(Subject subject, Analysis analysis) {
        for (ColumnRule rule : analysis.touched()) {
            if (rule.hides(subject)) {
                return rule;
            }
        }
        return null;
    }
}
