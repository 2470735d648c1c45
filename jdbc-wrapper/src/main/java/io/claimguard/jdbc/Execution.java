package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.policy.ColumnRule;

/**
 * One run of a statement: the subject read from {@link io.claimguard.core.GuardContext} when it
 * executed, and the analysis of its SQL. Result sets produced by the run keep this subject even if
 * the thread's context changes before they are read.
 */
final class Execution {
    private final Subject subject;
    private final Analysis analysis;
    private final boolean hidesUnattributedOutput;
    /** The first protected column the statement involves that the subject may not see, or null. */
    private final ColumnRule firstHidden;

    /** @param subject null when the statement ran without one */
    Execution(Subject subject, Analysis analysis) {
        this.subject = subject;
        this.analysis = analysis;
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

    private static ColumnRule firstHidden(Subject subject, Analysis analysis) {
        for (ColumnRule rule : analysis.touched()) {
            if (!rule.allows(subject)) {
                return rule;
            }
        }
        return null;
    }
}
