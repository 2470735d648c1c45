package io.claimguard.jdbc;

import io.claimguard.jdbc.policy.ColumnRule;
import java.util.Locale;

/** Why a statement or a write was refused, as audit events name it ({@link #code()}). */
enum DenialReason {
    /** {@code on_no_subject: deny}, and the statement involves protected columns. */
    NO_SUBJECT,
    /** {@code on_unparseable: deny}, and the statement cannot be analysed and may read a hidden column. */
    UNANALYSABLE,
    /** The statement copies a hidden column into a table, a view or session state. */
    COPY_OUT,
    /**
     * DDL renames, moves, retypes or replaces a hidden column or its table, or derives an object
     * from it: the policy's names would no longer reach the data.
     */
    DDL_MOVES_DATA,
    /** A column with {@code predicates: deny} chooses or orders rows. */
    PREDICATE,
    /** {@code writes: deny}. */
    WRITE_DENIED,
    /** {@code writes: preserve}: a new row may only leave the column NULL or DEFAULT; {@code write_only}: nor give it an unknown value. */
    WRITE_NEW_ROW,
    /** {@code writes: preserve}: the written value cannot be checked against what was shown. */
    WRITE_UNCHECKED,
    /** {@code writes: preserve}: the written value is not what the subject was shown. */
    WRITE_CHANGED,
    /**
     * {@code writes: write_only}: a new value is shaped like what the mask shows, so it may be a
     * mask shown for another row, and it is not what this row showed.
     */
    WRITE_MASK_SHAPED,
    /** A batch that writes protected columns was built for two subjects. */
    BATCH_SUBJECTS;

    /** Why a write through a column shown masked is refused, under the setting in force for it. */
    static DenialReason refusedWrite(ColumnRule.Writes writes) {
        return writes == ColumnRule.Writes.DENY ? WRITE_DENIED
                : writes == ColumnRule.Writes.WRITE_ONLY ? WRITE_MASK_SHAPED : WRITE_CHANGED;
    }

    /** Lower case, such as {@code copy_out}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
