package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Name;
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
}
