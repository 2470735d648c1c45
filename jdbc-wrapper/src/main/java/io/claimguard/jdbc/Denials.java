package io.claimguard.jdbc;

import java.sql.SQLException;

/**
 * The exceptions ClaimGuard raises to refuse an operation. Every message names the column or the
 * rule involved and never a value, a bind parameter or the SQL text (which may carry literals).
 */
final class Denials {
    /** SQLState for "insufficient privilege", which applications already treat as a refusal. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private Denials() {
    }

    static SQLException denied(String reason) {
        return new SQLException("ClaimGuard denied the statement: " + reason, INSUFFICIENT_PRIVILEGE);
    }
}
