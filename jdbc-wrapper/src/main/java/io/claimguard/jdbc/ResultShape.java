package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.Output;
import io.claimguard.jdbc.mask.CellMask;
import io.claimguard.jdbc.mask.ColumnMask;
import io.claimguard.jdbc.mask.ColumnType;
import io.claimguard.jdbc.policy.ColumnRef;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which protected columns each column of a result derives from, whatever the subject: the
 * statement's analysis laid over the result's metadata. A prepared statement keeps its shape
 * across runs; {@link #planFor} turns it into one subject's masks.
 *
 * <p>Two sources are united, so that either can only add protection: the SELECT-list analysis
 * (aliases, expressions, {@code *} matched by label) and the base table and column the driver
 * reports for the result column, where it reports one.
 */
final class ResultShape {
    static final ResultShape NOTHING_PROTECTED = new ResultShape(new ColumnRule[0][], new boolean[0], new ColumnType[0]);
    private static final ColumnMask DEFAULT_MASK = ColumnMask.parse("default", null);

    /** Per 1-based column: the rules it derives from (empty: unprotected). */
    private final ColumnRule[][] rules;
    /** Per column: whether it hands a protected value through unchanged, so its own mask fits. */
    private final boolean[] direct;
    private final ColumnType[] types;

    private ResultShape(ColumnRule[][] rules, boolean[] direct, ColumnType[] types) {
        this.rules = rules;
        this.direct = direct;
        this.types = types;
    }

    static ResultShape of(ResultSetMetaData metaData, Analysis analysis, Policy policy, Dialect dialect)
            throws SQLException {
        int count = metaData.getColumnCount();
        Builder shape = new Builder(count);
        for (int column = 1; column <= count; column++) {
            Analysis.ColumnSources sources = analysis.sourcesOf(column, count, metaData.getColumnLabel(column), policy, dialect);
            Set<ColumnRule> found = new LinkedHashSet<>(sources.rules());
            List<ColumnRule> base = policy.rulesFor(baseColumn(metaData, column), dialect);
            found.addAll(base);
            shape.set(column, found, sources.passesThrough() || (found.size() == base.size() && !base.isEmpty()), metaData);
        }
        return shape.build();
    }

    /** For generated keys: each column is a column of one of the statement's tables, by label. */
    static ResultShape ofTableColumns(ResultSetMetaData metaData, Analysis analysis, Policy policy, Dialect dialect)
            throws SQLException {
        int count = metaData.getColumnCount();
        Builder shape = new Builder(count);
        for (int column = 1; column <= count; column++) {
            Name label = new Name(metaData.getColumnLabel(column), true);
            Set<ColumnRule> found = new LinkedHashSet<>(Output.columnOf(analysis.tables(), label, policy, dialect));
            found.addAll(policy.rulesFor(baseColumn(metaData, column), dialect));
            shape.set(column, found, true, metaData);
        }
        return shape.build();
    }

    /** The base column the driver reports, or a reference that matches nothing. */
    private static ColumnRef baseColumn(ResultSetMetaData metaData, int column) throws SQLException {
        String table = metaData.getTableName(column);
        String name = metaData.getColumnName(column);
        if (table == null || table.isEmpty() || name == null || name.isEmpty()) {
            return ColumnRef.stored(null, "", "");
        }
        String schema = metaData.getSchemaName(column);
        if (schema == null || schema.isEmpty()) {
            schema = metaData.getCatalogName(column);   // MariaDB reports the database as catalog
        }
        return ColumnRef.stored(schema, table, name);
    }

    /** The masks for one subject (null when the statement ran without one). */
    MaskPlan planFor(Subject subject) {
        if (rules.length == 0) {
            return MaskPlan.NOTHING_MASKED;
        }
        CellMask[] masks = new CellMask[rules.length];
        ColumnRule.Writes[] writes = new ColumnRule.Writes[rules.length];
        Arrays.fill(masks, MaskPlan.CLEAR);
        Set<String> masked = new LinkedHashSet<>();
        Set<String> nulled = new LinkedHashSet<>();
        List<String> cellColumns = new ArrayList<>();
        List<Boolean> cellsNulled = new ArrayList<>();
        for (int column = 1; column < rules.length; column++) {
            List<ColumnRule> denied = new ArrayList<>(0);
            for (ColumnRule rule : rules[column]) {
                if (!rule.allows(subject)) {
                    denied.add(rule);
                }
            }
            if (!denied.isEmpty()) {
                ColumnMask mask = maskFor(denied, direct[column]);
                masks[column] = mask.bind(types[column]);
                writes[column] = strictest(denied);
                denied.forEach(rule -> (mask == ColumnMask.NULL ? nulled : masked).add(rule.toString()));
                cellColumns.add(denied.get(0).toString());
                cellsNulled.add(mask == ColumnMask.NULL);
            }
        }
        if (cellColumns.isEmpty()) {
            return MaskPlan.NOTHING_MASKED;
        }
        boolean[] nulledCells = new boolean[cellsNulled.size()];
        for (int i = 0; i < nulledCells.length; i++) {
            nulledCells[i] = cellsNulled.get(i);
        }
        return new MaskPlan(masks, writes, List.copyOf(masked), List.copyOf(nulled), cellColumns.toArray(new String[0]),
                nulledCells);
    }

    private static ColumnRule.Writes strictest(List<ColumnRule> denied) {
        if (denied.stream().anyMatch(r -> r.writes() == ColumnRule.Writes.DENY)) {
            return ColumnRule.Writes.DENY;
        }
        return denied.stream().allMatch(r -> r.writes() == ColumnRule.Writes.ALLOW)
                ? ColumnRule.Writes.ALLOW : ColumnRule.Writes.PRESERVE;
    }

    /**
     * A value passed through unchanged gets its column's mask; anything computed from protected
     * values (or from several columns with different masks) gets NULL if any of them asks for NULL,
     * and otherwise the type's default.
     */
    private static ColumnMask maskFor(List<ColumnRule> denied, boolean passesThrough) {
        ColumnMask first = denied.get(0).mask();
        boolean same = denied.stream().allMatch(r -> r.mask().spec().equals(first.spec()));
        if (passesThrough && same) {
            return first;
        }
        return denied.stream().anyMatch(r -> r.mask() == ColumnMask.NULL) ? ColumnMask.NULL : DEFAULT_MASK;
    }

    private static final class Builder {
        private final ColumnRule[][] rules;
        private final boolean[] direct;
        private final ColumnType[] types;
        private boolean protectsAny;

        Builder(int count) {
            rules = new ColumnRule[count + 1][];
            direct = new boolean[count + 1];
            types = new ColumnType[count + 1];
            rules[0] = new ColumnRule[0];
        }

        void set(int column, Set<ColumnRule> found, boolean passesThrough, ResultSetMetaData metaData)
                throws SQLException {
            rules[column] = found.toArray(new ColumnRule[0]);
            direct[column] = passesThrough;
            if (!found.isEmpty()) {
                types[column] = ColumnType.of(metaData, column);
                protectsAny = true;
            }
        }

        ResultShape build() {
            return protectsAny ? new ResultShape(rules, direct, types) : NOTHING_PROTECTED;
        }
    }
}
