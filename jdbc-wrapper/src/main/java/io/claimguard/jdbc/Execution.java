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
 * refused, when its first result is wrapped, or when it returns no result.
 */
final class Execution {
    private final Subject subject;
    private final Analysis analysis;
    private final boolean hidesUnattributedOutput;
    /** The first protected column the statement involves that the subject may not see, or null. */
    private final ColumnRule firstHidden;
    /** Where the run's audit event goes; null for runs ClaimGuard makes itself, which are not audited. */
    private final StatementAudit audit;
    private boolean audited;
    /** Protected columns whose stored values the run's writes kept. */
    private List<String> preserved = List.of();

    /** @param subject null when the statement ran without one */
    Execution(Subject subject, Analysis analysis) {
        this(subject, analysis, null);
    }

    Execution(Subject subject, Analysis analysis, StatementAudit audit) {
        this.subject = subject;
        this.analysis = analysis;
        this.audit = audit;
        this.firstHidden = firstHidden(subject, analysis);
        this.hidesUnattributedOutput = analysis.unanalysable() != null && firstHidden != null;
    }

    Subject subject() {
        return subject;
    }

    Analysis analysis() {
        return analysis;
    }

    /**
     * Whether output that no analysis can attribute to columns (a routine's OUT parameters, a
     * cursor) must be hidden: the statement is unanalysable and the subject lacks access to
     * something it may touch.
     */
    boolean hidesUnattributedOutput() {
        return hidesUnattributedOutput;
    }

    /** Whether the statement involves a protected column the subject may not see. */
    boolean lacksAccess() {
        return firstHidden != null;
    }

    ColumnRule firstHidden() {
        return firstHidden;
    }

    /** Notes that a write of the run keeps the stored value of {@code rule}. */
    void preserved(ColumnRule rule) {
        if (preserved.isEmpty()) {
            preserved = new ArrayList<>(2);
        }
        if (!preserved.contains(rule.toString())) {
            preserved.add(rule.toString());
        }
    }

    List<String> preserved() {
        return preserved;
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
            audit.write(Decision.denied(this, reason, column == null ? null : column.toString()));
        }
        return Denials.denied(message);
    }

    private static ColumnRule firstHidden(Subject subject, Analysis analysis) {
        for (ColumnRule rule : analysis.touched()) {
            if (!rule.allows(subject)) {
                return rule;
            }
        }
        return null;
    }
}
