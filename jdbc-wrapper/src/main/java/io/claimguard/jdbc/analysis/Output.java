package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.ColumnRef;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of a SELECT list: the protected columns it derives from, and whether it hands a
 * column's value through unchanged ({@code direct}), in which case that column's own mask fits.
 * A {@code *} item stands for several result columns, matched by label against {@code starTables};
 * its {@code rules} are every protected column of those tables. A {@code spread} item also stands
 * for several columns, each derived from all of its rules (columns that could not be told apart).
 */
public record Output(List<ColumnRule> rules, boolean direct, List<TableName> starTables, boolean spread) {

    /** A table a {@code *} expands over, as the statement names it. */
    public record TableName(Name schema, Name table) {
    }

    /** Whether this item stands for an unknown number of result columns. */
    public boolean isStar() {
        return spread || !starTables.isEmpty();
    }

    /** What the result column labelled {@code label} derives from, if this item produced it. */
    List<ColumnRule> sources(Name label, Policy policy, Dialect dialect) {
        return starTables.isEmpty() ? rules : columnOf(starTables, label, policy, dialect);
    }

    /** The rules protecting the column called {@code label} in any of {@code tables}. */
    public static List<ColumnRule> columnOf(List<TableName> tables, Name label, Policy policy, Dialect dialect) {
        List<ColumnRule> found = new ArrayList<>();
        for (TableName table : tables) {
            found.addAll(policy.rulesFor(new ColumnRef(table.schema(), table.table(), label), dialect));
        }
        return found;
    }
}
