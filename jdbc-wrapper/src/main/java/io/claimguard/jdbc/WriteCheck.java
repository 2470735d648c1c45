package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.WriteBack;
import io.claimguard.jdbc.analysis.WriteBack.Given;
import io.claimguard.jdbc.analysis.WriteBack.Literal;
import io.claimguard.jdbc.analysis.WriteBack.Parameter;
import io.claimguard.jdbc.analysis.WriteBack.Write;
import io.claimguard.jdbc.policy.ColumnRule;
import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Decides, for one run of a statement that writes protected columns, what happens to each write
 * by a subject who may not see the column, as the column's {@code writes} setting says:
 * {@code allow} lets it through, {@code deny} refuses it, and {@code preserve} keeps the stored
 * value when the subject writes back exactly what it was shown (the mask, or NULL) and refuses
 * anything else; {@code write_only} does the same, except that a value the subject supplies, one
 * the mask could not have shown, is stored. Work outside requests writes {@code preserve}
 * columns as {@code write_only}. What the subject was shown is read again, as that subject, from the rows the
 * statement matches: a value shaped like a mask but shown for another row is refused too.
 */
final class WriteCheck {
    private final Execution execution;
    private final WriteBack writeBack;
    /** Null for a plain statement, whose values are literals. */
    private final BoundParameters parameters;
    private final GuardedConnection connection;

    private WriteCheck(Execution execution, BoundParameters parameters, GuardedConnection connection) {
        this.execution = execution;
        this.writeBack = execution.analysis().writeBack();
        this.parameters = parameters;
        this.connection = connection;
    }

    /**
     * Which keep flags to set for this run (index {@code f - 1} for flag {@code f}), after
     * refusing any write the subject may not make.
     */
    static boolean[] keepFlags(Execution execution, BoundParameters parameters, GuardedConnection connection)
            throws SQLException {
        return new WriteCheck(execution, parameters, connection).keepFlags();
    }

    private boolean[] keepFlags() throws SQLException {
        boolean[] keep = new boolean[writeBack.flagCount()];
        boolean[] compare = new boolean[writeBack.flagCount()];
        Subject subject = execution.subject();
        for (Write write : writeBack.writes()) {
            ColumnRule rule = write.rule();
            if (!(rule.hides(subject) || rule.wouldHide(subject)) || write.value() == Given.UNCHANGED) {
                continue;
            }
            ColumnRule.Writes writes = writesFor(rule);
            if (writes == ColumnRule.Writes.ALLOW || writes == ColumnRule.Writes.WRITE_ONLY && isSupplied(write)) {
                continue;
            }
            if (writes == ColumnRule.Writes.DENY) {
                refuse(rule, DenialReason.WRITE_DENIED, "protected column " + rule + " " + writes.refusal());
            } else if (!writeBack.overwrites()) {
                if (isNull(write)) {
                    continue;
                }
                if (writes == ColumnRule.Writes.PRESERVE) {
                    refuse(rule, DenialReason.WRITE_NEW_ROW, "protected column " + rule
                            + " may only be left empty in new rows by this subject (writes: preserve)");
                } else if (valueOf(write) == BoundParameters.UNKNOWN) {
                    refuse(rule, DenialReason.WRITE_NEW_ROW, "protected column " + rule + " may only be given"
                            + " a value this statement states in new rows by this subject (writes: write_only)");
                } else {
                    refuse(rule, DenialReason.WRITE_MASK_SHAPED, "protected column " + rule + " may not be given a"
                            + " value shaped like its mask in new rows by this subject (writes: write_only)");
                }
            } else if (write.flag() > 0) {
                compare[write.flag() - 1] = true;
            } else {
                refuse(rule, DenialReason.WRITE_UNCHECKED, "protected column " + rule + " may only be written back"
                        + " as it was shown to this subject, and this statement's value for it cannot be checked"
                        + " (writes: " + writes.code() + ")");
            }
        }
        for (boolean needed : compare) {
            if (needed) {
                compareWithShown(compare, keep);
                break;
            }
        }
        return keep;
    }

    private ColumnRule.Writes writesFor(ColumnRule rule) {
        return rule.writes().inForce(connection.enforcement.policy().isOutsideRequests(execution.subject()));
    }

    /**
     * Whether a write gives a value the subject supplies itself: one the statement states, not
     * NULL, and not shaped like what the column's mask shows (which may be a mask read elsewhere).
     */
    private boolean isSupplied(Write write) {
        Object value = valueOf(write);
        return write.value() != Given.DEFAULT && value != null && value != BoundParameters.UNKNOWN
                && !write.rule().mask().mayShow(value);
    }

    /** Refuses the write of an enforced column; for a column in report mode, notes it and lets it through. */
    private void refuse(ColumnRule rule, DenialReason reason, String message) throws SQLException {
        if (rule.mode() == Mode.ENFORCE) {
            throw execution.denied(reason, rule, message);
        }
        execution.wouldDeny(reason, rule);
    }

    private boolean isNull(Write write) {
        return write.value() == Given.DEFAULT || valueOf(write) == null;
    }

    /**
     * Reads, as the subject, the flagged columns of the rows the statement matches; every
     * compared write must equal what each of them shows, and then keeps the stored value. In
     * report mode a column shows its real value, and a write that differs goes through, noted.
     */
    private void compareWithShown(boolean[] compare, boolean[] keep) throws SQLException {
        Object[] written = new Object[compare.length];
        for (Write write : writeBack.writes()) {
            if (write.flag() > 0) {
                written[write.flag() - 1] = valueOf(write);
            }
        }
        Execution running = connection.latest;
        connection.readingShown = true;
        try (PreparedStatement query = connection.prepareStatement(writeBack.shownQuery())) {
            if (parameters != null) {
                parameters.bindTo(query, writeBack.shownParameters());
            }
            try (ResultSet shown = query.executeQuery()) {
                while (shown.next()) {
                    for (int flag = 1; flag <= compare.length; flag++) {
                        if (compare[flag - 1] && !shows(shown, flag, written[flag - 1])) {
                            ColumnRule changed = firstCompared(flag);
                            ColumnRule.Writes writes = writesFor(changed);
                            refuse(changed, DenialReason.refusedWrite(writes), "protected column " + changed + " "
                                    + writes.refusal());
                            compare[flag - 1] = false;   // report mode: the new value is written
                        }
                    }
                }
            }
        } finally {
            connection.latest = running;
            connection.readingShown = false;
        }
        System.arraycopy(compare, 0, keep, 0, keep.length);
        for (Write write : writeBack.writes()) {
            if (write.flag() > 0 && compare[write.flag() - 1]) {
                execution.preserved(write.rule(), write.rule().mode() == Mode.ENFORCE);
            }
        }
    }

    private ColumnRule firstCompared(int flag) {
        return writeBack.writes().stream().filter(w -> w.flag() == flag).findFirst().orElseThrow().rule();
    }

    /** The written value: a literal, a bound parameter, or {@link BoundParameters#UNKNOWN}. */
    private Object valueOf(Write write) {
        if (write.value() instanceof Literal literal) {
            return literal.value();
        }
        if (write.value() instanceof Parameter parameter && parameters != null) {
            return parameters.value(parameter.index());
        }
        return BoundParameters.UNKNOWN;
    }

    /** Whether column {@code column} of the current row shows {@code written}, read as its own type. */
    static boolean shows(ResultSet shown, int column, Object written) throws SQLException {
        Object value = shown.getObject(column);
        if (written == null || value == null) {
            return written == null && value == null;
        }
        if (written instanceof byte[] bytes) {
            return Arrays.equals(bytes, shown.getBytes(column));
        }
        if (written instanceof String text) {
            return text.equals(shown.getString(column));
        }
        if (written instanceof Clob text) {
            return text.length() <= Integer.MAX_VALUE
                    && text.getSubString(1, (int) text.length()).equals(shown.getString(column));
        }
        if (written instanceof Number number) {
            return sameNumber(number, shown.getString(column));
        }
        try {
            return written.equals(shown.getObject(column, written.getClass()));
        } catch (SQLException | RuntimeException e) {
            return false;   // the shown value does not convert to what was written: not the same
        }
    }

    private static boolean sameNumber(Number number, String shown) {
        try {
            return shown != null && new BigDecimal(number.toString()).compareTo(new BigDecimal(shown.trim())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
