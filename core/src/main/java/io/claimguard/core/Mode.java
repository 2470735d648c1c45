package io.claimguard.core;

/**
 * Whether a check acts on what it finds or only reports it. Written {@code mode: report} or
 * {@code mode: enforce} in the configuration ({@code jdbc.mode}, a column's own {@code mode},
 * {@code jwt.mode}); {@link #ENFORCE} unless set.
 *
 * <p>In {@link #REPORT} mode every check still runs and every audit event is still written, marked
 * as what would have happened ({@code would_mask}, {@code would_deny}, {@code would_reject}), but
 * the caller gets the real values and the statement or request goes through. It is meant for a
 * rollout: watch what enforcement would do on real traffic, then switch to {@code enforce}.
 */
public enum Mode {
    /** Masks, denies and rejects as the policy says. */
    ENFORCE,
    /** Records what enforcement would do, and lets everything through. */
    REPORT;

    /** {@code enforce} or {@code report}, as written in the configuration and in audit events. */
    public String code() {
        return this == ENFORCE ? "enforce" : "report";
    }
}
